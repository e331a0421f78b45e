/* cmd_party.c - `trivium party`: a party where every phone in the room is a player
 * (docs/party.md). Parses the flags, opens one session with a player per seat over the
 * selected packs, picks the address phones can reach, starts trivium-party-server
 * (party_host.c), prints the join line, and with --no-window runs the host until the
 * results are out, then writes --record's answer scripts.
 * Depends on: party, app (cli, session_open, party_host, paths), io; never SDL. */
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/cli.h"
#include "app/commands.h"
#include "app/party_host.h"
#include "app/paths.h"
#include "app/session_open.h"
#include "io/file.h"
#include "party/party.h"

static const char *const usage_party =
    "usage: trivium party [--plugins DIR ...] [--pack ID ...] [--seed N] [--count N] [--lang en|nl]\n"
    "                     [--timer-percent PERCENT] [--port N] [--bind ADDR] [--max-players N]\n"
    "                     [--start-when N] [--reveal-seconds S] [--record DIR] [--no-window]\n"
    "\n"
    "Runs a party: phones on the same network open the printed address (or scan the QR code)\n"
    "and play. Prints one line once listening: party: http://HOST:PORT/ room CODE.\n"
    "--port 0 picks a free port (the default); --bind ADDR listens on ADDR only (else the\n"
    "address of the default route's interface). --start-when N starts the first question once\n"
    "N players have joined; --reveal-seconds S keeps each reveal S seconds (0 goes straight on).\n"
    "--record DIR writes DIR/seat-001.txt ... that `trivium headless --answers` replays.\n"
    "--no-window runs without a display (needs --start-when) and exits 0 once the results\n"
    "are sent. Without --pack every pack plays.\n"
    "Exit codes: 0 ok, 2 usage, 3 pack failed to load, 5 the server could not start.\n";

/* tv_Cli first, so cli.h's setters write into it through the same pointer. */
typedef struct PartyArgs {
    tv_Cli cli;
    uint64_t port, max_players, start_when, reveal_seconds;
    bool start_when_given;
    const char *bind, *record;
    bool no_window;
} PartyArgs;

static bool set_bounded(uint64_t *out, const tv_ArgSpec *spec, const char *value, uint64_t lo, uint64_t hi,
                        tv_Error *err)
{
    uint64_t v;
    if (!tv_args_parse_u64(value, &v) || v < lo || v > hi)
        return tv_args_expected(err, spec, value);
    *out = v;
    return true;
}

static bool set_port(void *d, const tv_ArgSpec *s, const char *v, tv_Error *e)
{
    return set_bounded(&((PartyArgs *)d)->port, s, v, 0, 65535, e);
}
static bool set_max_players(void *d, const tv_ArgSpec *s, const char *v, tv_Error *e)
{
    return set_bounded(&((PartyArgs *)d)->max_players, s, v, 1, TV_SESSION_MAX_PLAYERS, e);
}
static bool set_start_when(void *d, const tv_ArgSpec *s, const char *v, tv_Error *e)
{
    ((PartyArgs *)d)->start_when_given = true;
    return set_bounded(&((PartyArgs *)d)->start_when, s, v, 1, TV_SESSION_MAX_PLAYERS, e);
}
static bool set_reveal(void *d, const tv_ArgSpec *s, const char *v, tv_Error *e)
{
    return set_bounded(&((PartyArgs *)d)->reveal_seconds, s, v, 0, 3600, e);
}
static bool set_bind(void *d, const tv_ArgSpec *s, const char *v, tv_Error *e)
{
    struct in_addr a;
    if (inet_pton(AF_INET, v, &a) != 1)
        return tv_args_expected(e, s, v);
    ((PartyArgs *)d)->bind = v;
    return true;
}

static const tv_ArgSpec party_args[] = {
    TV_CLI_ROW_PLUGINS,
    TV_CLI_ROW_PACK,
    TV_CLI_ROW_SEED,
    TV_CLI_ROW_COUNT,
    TV_CLI_ROW_LANG,
    TV_CLI_ROW_TIMER_PERCENT,
    {"--port", true, set_port, 0, "a port number from 0 to 65535", "listen on port N (0 picks a free one)"},
    {"--bind", true, set_bind, 0, "an IPv4 address such as 192.168.1.20", "listen on ADDR only"},
    {"--max-players", true, set_max_players, 0, "a number from 1 to 10000", "seats at most N phones"},
    {"--start-when", true, set_start_when, 0, "a number from 1 to 10000", "start once N players have joined"},
    {"--reveal-seconds", true, set_reveal, 0, "a number of seconds from 0 to 3600", "how long each reveal stays"},
    {"--record", true, tv_arg_string, offsetof(PartyArgs, record), NULL, "write each seat's answer script to DIR"},
    {"--no-window", false, NULL, offsetof(PartyArgs, no_window), NULL, "run without a display"},
};

/* Interfaces phones cannot reach us on: container bridges, VPN tunnels, VMs. */
static bool virtual_iface(const char *name)
{
    static const char *const prefixes[] = {"docker", "br-", "virbr", "veth", "tun", "tap", "wg", "zt",
                                           "tailscale", "lxc", "lxd", "vboxnet", "vmnet", "cni", "flannel", "podman"};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (strncmp(name, prefixes[i], strlen(prefixes[i])) == 0)
            return true;
    return false;
}

/* The interface of the default route (/proc/net/route: destination 00000000). */
static void default_route_iface(char *out, size_t size)
{
    out[0] = '\0';
    FILE *f = fopen("/proc/net/route", "r");
    if (!f)
        return;
    char line[512], name[64];
    unsigned long dest;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "%63s %lx", name, &dest) == 2 && dest == 0) {
            snprintf(out, size, "%s", name);
            break;
        }
    fclose(f);
}

/* The address phones can reach: IPv4 of an up, non-loopback, non-virtual interface, not
 * link-local; the default route's interface first; 127.0.0.1 when there is none. */
static void choose_address(char *out, size_t size)
{
    char route_if[64];
    default_route_iface(route_if, sizeof route_if);
    snprintf(out, size, "127.0.0.1");
    struct ifaddrs *list;
    if (getifaddrs(&list) != 0)
        return;
    int best = 0; /* 2: on the default route, 1: another usable one */
    for (struct ifaddrs *i = list; i; i = i->ifa_next) {
        if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET || !(i->ifa_flags & IFF_UP) ||
            (i->ifa_flags & IFF_LOOPBACK) || virtual_iface(i->ifa_name))
            continue;
        const struct in_addr *a = &((const struct sockaddr_in *)(const void *)i->ifa_addr)->sin_addr;
        uint32_t h = ntohl(a->s_addr);
        if ((h >> 16) == 0xa9fe) /* 169.254/16, link-local */
            continue;
        int score = strcmp(i->ifa_name, route_if) == 0 ? 2 : 1;
        if (score > best) {
            best = score;
            inet_ntop(AF_INET, a, out, (socklen_t)size);
        }
    }
    freeifaddrs(list);
}

/* Writes DIR/seat-NNN.txt for every seat, each atomically. */
static bool write_record(const char *dir, const tv_Party *p, const tv_ScriptDirectives *d, tv_Error *err)
{
    if (!tv_file_mkdirs(dir, 0755, err))
        return false;
    for (int seat = 0; seat < tv_party_seat_count(p); seat++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        bool ok = f && tv_party_write_script(p, seat, d, f);
        if (f)
            fclose(f);
        char path[TV_PATHS_MAX];
        snprintf(path, sizeof path, "%s/seat-%03d.txt", dir, seat + 1);
        ok = ok && tv_file_write_atomic(path, buf, len, err);
        if (!ok && !err->code)
            tv_error_set(err, TV_ERR_IO, path, 0, "cannot write the record");
        free(buf);
        if (!ok)
            return false;
    }
    return true;
}

static bool find_server(const tv_Cli *cli, char *out, size_t size)
{
    const char *base = cli->pack_worker[0] ? cli->pack_worker : cli->self_exe;
    const char *slash = strrchr(base, '/');
    if (!slash)
        return false;
    snprintf(out, size, "%.*s/trivium-party-server", (int)(slash - base), base);
    return access(out, X_OK) == 0;
}

int tv_cmd_party(tv_Cli *cli_in, int argc, char **argv)
{
    PartyArgs a = {.cli = *cli_in, .max_players = 300, .reveal_seconds = 5};
    tv_Cli *cli = &a.cli;
    int rc = tv_cli_parse(cli, usage_party, party_args, sizeof party_args / sizeof party_args[0], &a, argc, argv, 2);
    if (rc >= 0)
        return rc;
    if (!a.no_window)
        return tv_cli_usage("party", "the party's TV screen is not in this build yet: use --no-window --start-when N");
    if (!a.start_when_given)
        return tv_cli_usage("party", "--no-window needs --start-when N (nobody can press start)");
    if (a.start_when > a.max_players)
        return tv_cli_usage("party", "--start-when %llu is more than --max-players %llu",
                            (unsigned long long)a.start_when, (unsigned long long)a.max_players);
    if (cli->n_select == 0)
        cli->select[cli->n_select++] = "all";
    char server[TV_PATHS_MAX], web[TV_PATHS_MAX + 8];
    tv_Error err = {0};
    if (!find_server(cli, server, sizeof server)) {
        tv_error_set(&err, TV_ERR_IO, NULL, 0, "party: trivium-party-server is not beside %s", cli->self_exe);
        return tv_cli_fail(&err);
    }
    tv_paths_assets_dir(cli->self_exe, web, TV_PATHS_MAX);
    strcat(web, "/party");

    tv_Words words = {0};
    tv_PackSet set = {0};
    tv_Session s = {0};
    tv_Party party = {0};
    tv_PartyHost host = {.fd = -1};
    const char *ids[TV_MAX_SELECT];
    int n_ids = 0, selected[TV_MAX_SELECT * 8], n_sel = 0;
    int count = cli->count ? cli->count : TV_DEFAULT_COUNT;
    tv_packset_init(&set, tv_alloc_default());
    bool ok = tv_words_load(cli, &words, &err) && tv_cli_discover(cli, &set, &err) &&
              tv_cli_select(cli, &set, selected, &n_sel, &err) &&
              tv_open_session(cli, &set, selected, n_sel, count, (int)a.max_players, &s, ids, &n_ids, &err);
    if (ok) {
        tv_PartyConfig cfg = {.max_players = (int)a.max_players,
                              .reveal_ms = (int)a.reveal_seconds * 1000,
                              .labels = tv_words_of(&words, cli->lang),
                              .accept = words.labels,
                              .n_accept = words.n,
                              .ud = &host,
                              .random = tv_party_host_random,
                              .send = tv_party_host_send,
                              .close = tv_party_host_close};
        ok = tv_party_init(&party, &cfg, &s, &err);
    }
    if (ok) {
        host.server_exe = server;
        host.web_dir = web;
        host.port = (int)a.port;
        host.party = &party;
        if (a.bind)
            snprintf(host.bind, sizeof host.bind, "%s", a.bind);
        else
            choose_address(host.bind, sizeof host.bind);
        ok = tv_party_host_start(&host, &err);
    }
    if (ok) {
        printf("party: http://%s:%d/ room %s\n", host.bind, host.port, tv_party_room(&party));
        fflush(stdout);
        ok = tv_party_host_run(&host, (int)a.start_when, &err);
    }
    if (ok && a.record) {
        tv_ScriptDirectives d = {.have_seed = true,
                                 .seed = cli->seed,
                                 .n_packs = n_ids < TV_SCRIPT_MAX_PACKS ? n_ids : TV_SCRIPT_MAX_PACKS,
                                 .count = count,
                                 .lang = cli->lang,
                                 .timer_percent = cli->timer_percent};
        for (int i = 0; i < d.n_packs; i++)
            d.packs[i] = ids[i];
        ok = write_record(a.record, &party, &d, &err);
    }
    tv_party_host_stop(&host);
    tv_party_free(&party);
    tv_session_free(&s);
    tv_packset_free(&set);
    tv_words_free(&words);
    rc = ok ? TV_EXIT_OK : tv_cli_fail(&err);
    return rc;
}
