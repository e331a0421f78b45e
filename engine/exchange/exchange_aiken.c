/* exchange_aiken.c - Moodle's Aiken format: a question on one line, its options on the
 * next lines lettered "A." or "A)", then "ANSWER: X"; blank lines between questions.
 * Only multiple choice exists in Aiken, so it maps to choice both ways.
 * Depends on: exchange list. Trust boundary: the reader takes any bytes, line by line
 * with explicit lengths; a question it cannot take (no ANSWER line, letters out of
 * sequence, a second question line) is skipped with the line it started on. */
#include <string.h>

#include "exchange/exchange.h"
#include "core/rng.h"
#include "core/text.h"

typedef struct Block {
    int line;                /* of the question line; 0 when no block is open */
    const char *why;         /* the first problem, reported when the block ends */
    const char *prompt;
    int n;
    const char *opt[TV_MAX_OPTIONS];
} Block;

static bool finish(tv_XList *list, Block *b, int answer, tv_XSkip skip, void *ud)
{
    if (!b->why && answer < 0)
        b->why = "ANSWER names no option of the question";
    if (!b->why && b->n < 2)
        b->why = "a question needs at least two options";
    bool ok = true;
    if (b->why) {
        if (skip)
            skip(ud, b->line, NULL, b->why);
    } else {
        tv_Question *q = tv_xlist_add(list, b->line);
        if (!q)
            ok = false;
        else {
            q->type = TV_Q_CHOICE;
            q->prompt = b->prompt;
            q->options[q->n_options++] = b->opt[answer];
            for (int i = 0; i < b->n; i++)
                if (i != answer)
                    q->options[q->n_options++] = b->opt[i];
            tv_xlist_keep(list, NULL, skip, ud);
        }
    }
    memset(b, 0, sizeof *b);
    return ok;
}

/* "A. text" or "B) text": the option's index, or -1. */
static int option_letter(const char *s, size_t n)
{
    return n >= 3 && s[0] >= 'A' && s[0] <= 'Z' && (s[1] == '.' || s[1] == ')') && (s[2] == ' ' || s[2] == '\t')
               ? s[0] - 'A'
               : -1;
}

bool tv_xread_aiken(const char *name, const char *data, size_t len, tv_XList *list, tv_XSkip skip, void *ud,
                    tv_Error *err)
{
    if (!tv_utf8_valid(data, len))
        return tv_error_set(err, TV_ERR_IO, name, 0, "not valid UTF-8 text");
    Block b = {0};
    int line = 0;
    for (size_t at = tv_text_bom_len(data, len); at < len;) {
        const char *s = data + at, *nl = memchr(s, '\n', len - at);
        size_t n = nl ? (size_t)(nl - s) : len - at;
        at += n + 1;
        line++;
        while (n > 0 && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
            n--;
        while (n > 0 && (s[0] == ' ' || s[0] == '\t'))
            s++, n--;
        const char *why = NULL;
        if (n == 0) {
            if (b.line && !b.why)
                b.why = "the question has no ANSWER line";
            if (b.line && !finish(list, &b, -1, skip, ud))
                return tv_error_set(err, TV_ERR_NOMEM, name, line, "out of memory");
            continue;
        }
        if (!b.line) {
            b.line = line;
            if (!(b.prompt = tv_xlist_text(list, s, n, TV_X_MAX_PROMPT, false, &why)))
                b.why = why;
            continue;
        }
        if (n >= 7 && strncmp(s, "ANSWER:", 7) == 0) {
            const char *a = s + 7;
            size_t an = n - 7;
            while (an > 0 && (*a == ' ' || *a == '\t'))
                a++, an--;
            int k = an == 1 && *a >= 'A' && *a <= 'Z' ? *a - 'A' : -1;
            if (!finish(list, &b, k < b.n ? k : -1, skip, ud))
                return tv_error_set(err, TV_ERR_NOMEM, name, line, "out of memory");
            continue;
        }
        int k = option_letter(s, n);
        if (b.why)
            continue;
        if (k < 0)
            b.why = b.n ? "a line is neither an option (A. or A)) nor ANSWER:"
                        : "the question is on more than one line (Aiken questions are one line)";
        else if (k != b.n)
            b.why = "the option letters are not A, B, C, ... in order";
        else if (b.n == TV_MAX_OPTIONS)
            b.why = "more than 6 options";
        else if (!(b.opt[b.n++] = tv_xlist_text(list, s + 3, n - 3, TV_X_MAX_TEXT, false, &why)))
            b.why = why;
    }
    if (b.line && !b.why)
        b.why = "the question has no ANSWER line";
    if (b.line && !finish(list, &b, -1, skip, ud))
        return tv_error_set(err, TV_ERR_NOMEM, name, line, "out of memory");
    return true;
}

/* Where the answer goes among the options: from the prompt, which a round trip keeps
 * (Aiken has no ids), so an export is the same every time without always being "A". */
static int answer_slot(const tv_Question *q)
{
    return (int)(tv_hash64(q->prompt) % (uint64_t)q->n_options); /* the core's one FNV */
}

void tv_xwrite_aiken(const tv_XList *list, tv_XBuf *out, tv_XSkip skip, void *ud)
{
    for (int i = 0; i < list->n; i++) {
        const tv_Question *q = &list->questions[i];
        const char *why = q->type != TV_Q_CHOICE       ? "Aiken holds only multiple-choice questions"
                          : strchr(q->prompt, '\n') ? "the question spans lines; Aiken questions are one line"
                                                    : NULL;
        if (why) {
            if (skip)
                skip(ud, 0, q->id, why);
            continue;
        }
        tv_xbuf_printf(out, "%s\n", q->prompt);
        int slot = answer_slot(q);
        for (int k = 0, w = 1; k < q->n_options; k++)
            tv_xbuf_printf(out, "%c. %s\n", 'A' + k, k == slot ? q->options[0] : q->options[w++]);
        tv_xbuf_printf(out, "ANSWER: %c\n\n", 'A' + slot);
    }
}
