/* wire.h - the frames between the game and trivium-party-server over their socketpair
 * (docs/party.md, "Process model"). Spelled once here for both ends.
 *
 * Every frame is a fixed 21-byte header, then `len` bytes of payload:
 *   u32 len | u8 type | u32 conn | u32 arg | i64 ns      (little-endian)
 * Server -> game:
 *   'L' listening      arg = the port it listens on
 *   'O' open           conn; payload = the peer's numeric address
 *   'T' text           conn; ns = CLOCK_MONOTONIC at receipt; payload = the message
 *   'S' sent           conn; arg = the frame's tag; ns = CLOCK_MONOTONIC after the write
 *   'R' round trip     conn; ns = a ping's round trip in nanoseconds
 *   'C' closed         conn
 *   'F' flushed        every queue is empty (the answer to 'F')
 * Game -> server:
 *   'W' send           conn; arg = tag (non-zero: report 'S' once written); payload = text
 *   'X' close          conn; arg = close code; payload = reason (at most 123 bytes)
 *   'F' flush          answer 'F' once every queued frame has been written
 * The listening address, port and folder are the server's command line, so a restarted
 * server listens where the first one did. No frame holds more than TV_WIRE_MAX payload.
 * Depends on: libc only. */
#ifndef TV_PARTY_WIRE_H
#define TV_PARTY_WIRE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define TV_WIRE_HEADER 21
#define TV_WIRE_MAX (64u * 1024u)

typedef struct tv_WireHeader {
    uint32_t len;
    char type;
    uint32_t conn, arg;
    int64_t ns;
} tv_WireHeader;

static inline void tv_wire_put(unsigned char *b, const tv_WireHeader *h)
{
    uint64_t ns = (uint64_t)h->ns;
    for (int i = 0; i < 4; i++) {
        b[i] = (unsigned char)(h->len >> (8 * i));
        b[5 + i] = (unsigned char)(h->conn >> (8 * i));
        b[9 + i] = (unsigned char)(h->arg >> (8 * i));
    }
    b[4] = (unsigned char)h->type;
    for (int i = 0; i < 8; i++)
        b[13 + i] = (unsigned char)(ns >> (8 * i));
}

static inline void tv_wire_get(const unsigned char *b, tv_WireHeader *h)
{
    uint64_t ns = 0;
    h->len = h->conn = h->arg = 0;
    for (int i = 0; i < 4; i++) {
        h->len |= (uint32_t)b[i] << (8 * i);
        h->conn |= (uint32_t)b[5 + i] << (8 * i);
        h->arg |= (uint32_t)b[9 + i] << (8 * i);
    }
    h->type = (char)b[4];
    for (int i = 0; i < 8; i++)
        ns |= (uint64_t)b[13 + i] << (8 * i);
    h->ns = (int64_t)ns;
}

#endif
