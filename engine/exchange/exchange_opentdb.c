/* exchange_opentdb.c - the Open Trivia DB API's response object: {"response_code": 0,
 * "results": [{type multiple|boolean, difficulty easy|medium|hard, category, question,
 * correct_answer, incorrect_answers}]} in the three encodings the API serves: HTML
 * entities (its default), url3986 (percent-encoding) and base64, decoded exactly.
 * Multiple becomes choice and boolean truefalse; the writer does the reverse, in the
 * default encoding, and skips the other types.
 * Depends on: exchange list, cJSON. Trust boundary: the reader takes any bytes. Every
 * decoder writes into a buffer of the input's length (decoding never grows a text), a
 * malformed escape skips the result with its line, and decoded texts are checked again
 * (NUL, UTF-8, controls) by tv_xlist_text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "exchange/exchange.h"

typedef enum Encoding { ENC_HTML, ENC_URL, ENC_BASE64 } Encoding;

/* {====================================================================== decoders */

/* Writes code point c as UTF-8 at out; returns the byte count (0 for a surrogate, NUL
 * or a value past U+10FFFF). */
static size_t put_utf8(char *out, uint32_t c)
{
    if (c == 0 || (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
        return 0;
    if (c < 0x80)
        return out[0] = (char)c, 1;
    if (c < 0x800)
        return out[0] = (char)(0xc0 | c >> 6), out[1] = (char)(0x80 | (c & 0x3f)), 2;
    if (c < 0x10000)
        return out[0] = (char)(0xe0 | c >> 12), out[1] = (char)(0x80 | ((c >> 6) & 0x3f)),
               out[2] = (char)(0x80 | (c & 0x3f)), 3;
    return out[0] = (char)(0xf0 | c >> 18), out[1] = (char)(0x80 | ((c >> 12) & 0x3f)),
           out[2] = (char)(0x80 | ((c >> 6) & 0x3f)), out[3] = (char)(0x80 | (c & 0x3f)), 4;
}

/* HTML 4's Latin-1 entities, U+00A0 onwards, in code point order. */
static const char latin1[] =
    "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 "
    "acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml "
    "Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde "
    "Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig "
    "ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide "
    "oslash ugrave uacute ucirc uuml yacute thorn yuml ";

/* The other named entities Open Trivia DB's texts use (PHP's htmlspecialchars and
 * htmlentities output): markup, typography, Latin Extended and Greek letters, maths. */
static const struct {
    const char *name;
    uint32_t code;
} named[] = {
    {"quot", 34},      {"amp", 38},      {"apos", 39},     {"lt", 60},        {"gt", 62},      {"OElig", 338},
    {"oelig", 339},    {"Scaron", 352},  {"scaron", 353},  {"Yuml", 376},     {"Zcaron", 381}, {"zcaron", 382},
    {"fnof", 402},     {"circ", 710},    {"tilde", 732},   {"Delta", 916},    {"Pi", 928},     {"Sigma", 931},
    {"Omega", 937},    {"alpha", 945},   {"beta", 946},    {"gamma", 947},    {"delta", 948},  {"epsilon", 949},
    {"theta", 952},    {"lambda", 955},  {"mu", 956},      {"pi", 960},       {"sigma", 963},  {"tau", 964},
    {"phi", 966},      {"omega", 969},   {"ensp", 8194},   {"emsp", 8195},    {"thinsp", 8201}, {"zwnj", 8204},
    {"zwj", 8205},     {"lrm", 8206},    {"rlm", 8207},    {"ndash", 8211},   {"mdash", 8212}, {"lsquo", 8216},
    {"rsquo", 8217},   {"sbquo", 8218},  {"ldquo", 8220},  {"rdquo", 8221},   {"bdquo", 8222}, {"dagger", 8224},
    {"Dagger", 8225},  {"bull", 8226},   {"hellip", 8230}, {"permil", 8240},  {"prime", 8242}, {"Prime", 8243},
    {"lsaquo", 8249},  {"rsaquo", 8250}, {"euro", 8364},   {"trade", 8482},   {"larr", 8592},  {"rarr", 8594},
    {"sum", 8721},     {"minus", 8722},  {"radic", 8730},  {"infin", 8734},   {"asymp", 8776}, {"ne", 8800},
    {"le", 8804},      {"ge", 8805},
};

static uint32_t entity_code(const char *name, size_t n)
{
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (strlen(named[i].name) == n && memcmp(named[i].name, name, n) == 0)
            return named[i].code;
    uint32_t code = 0xa0;
    for (const char *p = latin1; *p; code++) {
        const char *sp = strchr(p, ' ');
        if ((size_t)(sp - p) == n && memcmp(p, name, n) == 0)
            return code;
        p = sp + 1;
    }
    return 0;
}

/* &name; &#NNN; &#xHH;. An '&' that starts no known entity stays as it is, as a browser
 * shows it; a numeric one naming no character is an error. */
static bool decode_html(const char *s, size_t n, char *out, size_t *outn)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        const char *semi = s[i] == '&' ? memchr(s + i, ';', n - i < 34 ? n - i : 34) : NULL;
        if (!semi) {
            out[o++] = s[i++];
            continue;
        }
        size_t len = (size_t)(semi - (s + i)) - 1; /* between '&' and ';' */
        const char *body = s + i + 1;
        uint32_t code = 0;
        if (len >= 2 && body[0] == '#') {
            bool hex = body[1] == 'x' || body[1] == 'X';
            size_t k = hex ? 2 : 1;
            if (k == len)
                return false;
            for (; k < len; k++) {
                char c = body[k];
                int d = c >= '0' && c <= '9' ? c - '0'
                        : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (d < 0 || code > 0x10ffff)
                    return false;
                code = code * (hex ? 16 : 10) + (uint32_t)d;
            }
            size_t w = put_utf8(out + o, code); /* "&#NNN;" is never shorter than its UTF-8 */
            if (w == 0)
                return false;
            o += w;
        } else if ((code = entity_code(body, len)) != 0)
            o += put_utf8(out + o, code); /* at most 3 bytes for at least 4 of "&xx;" */
        else {
            out[o++] = s[i++];
            continue;
        }
        i += len + 2;
    }
    *outn = o;
    return true;
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static bool decode_url(const char *s, size_t n, char *out, size_t *outn)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '%') {
            out[o++] = s[i];
            continue;
        }
        int hi = i + 2 < n ? hexval(s[i + 1]) : -1, lo = i + 2 < n ? hexval(s[i + 2]) : -1;
        if (hi < 0 || lo < 0)
            return false;
        out[o++] = (char)(hi * 16 + lo);
        i += 2;
    }
    *outn = o;
    return true;
}

static int b64val(char c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26 : c >= '0' && c <= '9' ? c - '0' + 52
           : c == '+' ? 62 : c == '/' ? 63 : -1;
}

/* Standard base64 with '=' padding, exactly: a length not a multiple of 4, a stray
 * character or a padding in the middle is an error. */
static bool decode_base64(const char *s, size_t n, char *out, size_t *outn)
{
    if (n % 4 != 0)
        return false;
    size_t o = 0;
    for (size_t i = 0; i < n; i += 4) {
        int v[4], pad = 0;
        for (int k = 0; k < 4; k++) {
            v[k] = s[i + k] == '=' && i + 4 == n && k >= 2 ? (pad++, 0) : b64val(s[i + k]);
            if (v[k] < 0 || (pad && s[i + k] != '='))
                return false;
        }
        uint32_t w = (uint32_t)v[0] << 18 | (uint32_t)v[1] << 12 | (uint32_t)v[2] << 6 | (uint32_t)v[3];
        out[o++] = (char)(w >> 16);
        if (pad < 2)
            out[o++] = (char)(w >> 8);
        if (pad < 1)
            out[o++] = (char)w;
    }
    *outn = o;
    return true;
}

/* }====================================================================== */

/* {====================================================================== reader */

typedef struct Result {
    tv_XList *list;
    Encoding enc;
    const char *why;
} Result;

/* Decodes string field key of o (or the array element o itself when key is NULL). */
static const char *field(Result *r, const cJSON *o, const char *key, size_t max, bool newline)
{
    const cJSON *v = key ? cJSON_GetObjectItemCaseSensitive(o, key) : o;
    if (r->why)
        return "";
    if (!cJSON_IsString(v))
        return r->why = "a field is missing or not a string", "";
    size_t n = strlen(v->valuestring), outn = 0;
    char *buf = malloc(n + 1);
    if (!buf)
        return r->why = "out of memory", "";
    bool ok = r->enc == ENC_HTML  ? decode_html(v->valuestring, n, buf, &outn)
              : r->enc == ENC_URL ? decode_url(v->valuestring, n, buf, &outn)
                                  : decode_base64(v->valuestring, n, buf, &outn);
    const char *s = ok ? tv_xlist_text(r->list, buf, outn, max, newline, &r->why)
                       : (r->why = "a text is not validly encoded", NULL);
    free(buf);
    return s ? s : "";
}

static void read_result(Result *r, const cJSON *o, tv_Question *q)
{
    const char *type = field(r, o, "type", 20, false);
    const char *diff = field(r, o, "difficulty", 20, false);
    q->category = field(r, o, "category", TV_X_MAX_CATEGORY, false);
    q->prompt = field(r, o, "question", TV_X_MAX_PROMPT, true);
    const char *correct = field(r, o, "correct_answer", TV_X_MAX_TEXT, false);
    const cJSON *wrong = cJSON_GetObjectItemCaseSensitive(o, "incorrect_answers");
    if (r->why)
        return;
    q->difficulty = strcmp(diff, "easy") == 0 ? 1 : strcmp(diff, "medium") == 0 ? 2 : strcmp(diff, "hard") == 0 ? 3 : 0;
    if (!q->difficulty)
        return (void)(r->why = "difficulty is not easy, medium or hard");
    if (!cJSON_IsArray(wrong))
        return (void)(r->why = "incorrect_answers is not a list");
    if (strcmp(type, "boolean") == 0) {
        q->type = TV_Q_TRUEFALSE;
        if (strcmp(correct, "True") != 0 && strcmp(correct, "False") != 0)
            return (void)(r->why = "a boolean question's correct_answer is not True or False");
        q->truth = correct[0] == 'T';
        return;
    }
    if (strcmp(type, "multiple") != 0)
        return (void)(r->why = "type is not multiple or boolean");
    q->type = TV_Q_CHOICE;
    q->options[q->n_options++] = correct;
    for (const cJSON *w = wrong->child; w && !r->why; w = w->next) {
        if (q->n_options == TV_MAX_OPTIONS)
            return (void)(r->why = "more than 5 incorrect_answers");
        q->options[q->n_options++] = field(r, w, NULL, TV_X_MAX_TEXT, false);
    }
}

/* True when every string of every result holds only what url3986 leaves unencoded:
 * then the file is percent-encoded (a real question always has a space, which the
 * other two encodings keep or hide). */
static bool all_unreserved(const cJSON *node)
{
    if (cJSON_IsString(node)) {
        for (const char *p = node->valuestring; *p; p++)
            if (!strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~%", *p))
                return false;
        return true;
    }
    for (const cJSON *c = node->child; c; c = c->next)
        if (!all_unreserved(c))
            return false;
    return true;
}

static Encoding detect(const cJSON *results)
{
    const cJSON *first = results->child;
    const cJSON *type = first ? cJSON_GetObjectItemCaseSensitive(first, "type") : NULL;
    if (cJSON_IsString(type) &&
        (strcmp(type->valuestring, "bXVsdGlwbGU=") == 0 || strcmp(type->valuestring, "Ym9vbGVhbg==") == 0))
        return ENC_BASE64;
    return all_unreserved(results) ? ENC_URL : ENC_HTML;
}

static const char *response_meaning(int code)
{
    switch (code) {
    case 1: return "no results: the API had too few questions for the query";
    case 2: return "invalid parameter in the query";
    case 3: return "token not found";
    case 4: return "token empty: every question was already served";
    case 5: return "rate limit: too many requests";
    default: return "an unknown code";
    }
}

bool tv_xread_opentdb(const char *name, const char *data, size_t len, tv_XList *list, tv_XSkip skip, void *ud,
                      tv_Error *err)
{
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(data, len, &end, false);
    if (!root)
        return tv_error_set(err, TV_ERR_IO, name, 1 + tv_xlines(data, 0, end && end <= data + len ? (size_t)(end - data) : 0),
                            "not valid JSON");
    const cJSON *code = cJSON_GetObjectItemCaseSensitive(root, "response_code");
    const cJSON *results = cJSON_GetObjectItemCaseSensitive(root, "results");
    if (!cJSON_IsArray(results)) {
        cJSON_Delete(root);
        return tv_error_set(err, TV_ERR_IO, name, 1, "not an Open Trivia DB response (an object with \"results\")");
    }
    if (code && (!cJSON_IsNumber(code) || code->valueint != 0)) {
        int c = cJSON_IsNumber(code) ? code->valueint : -1;
        cJSON_Delete(root);
        return tv_error_set(err, TV_ERR_IO, name, 1, "response_code %d: %s", c, response_meaning(c));
    }
    Encoding enc = detect(results);
    size_t at = tv_xfind(data, len, tv_xfind(data, len, 0, "\"results\""), "\"type\""), prev = 0;
    int line = 1;
    bool ok = true;
    for (const cJSON *o = results->child; o; o = o->next) {
        line += tv_xlines(data, prev, at);
        prev = at;
        at = tv_xfind(data, len, at + 1, "\"type\"");
        tv_Question *q = tv_xlist_add(list, line);
        if (!q) {
            ok = tv_xlist_add_failed(list, name, line, err);
            break;
        }
        Result r = {list, enc, cJSON_IsObject(o) ? NULL : "a result is not an object"};
        if (!r.why)
            read_result(&r, o, q);
        tv_xlist_keep(list, r.why, skip, ud);
    }
    cJSON_Delete(root);
    return ok;
}

/* }====================================================================== */

/* {====================================================================== writer */

/* The API's default encoding: the five characters htmlspecialchars escapes. */
static char *html_encode(const char *s)
{
    size_t n = 0;
    for (const char *p = s; *p; p++)
        n += *p == '&' ? 5 : *p == '"' || *p == '\'' ? 6 : *p == '<' || *p == '>' ? 4 : 1;
    char *out = malloc(n + 1), *o = out;
    if (!out)
        return NULL;
    for (const char *p = s; *p; p++) {
        const char *e = *p == '&' ? "&amp;" : *p == '"' ? "&quot;" : *p == '\'' ? "&#039;" : *p == '<' ? "&lt;"
                        : *p == '>' ? "&gt;" : NULL;
        if (e)
            o += strlen(strcpy(o, e));
        else
            *o++ = *p;
    }
    *o = '\0';
    return out;
}

static void add_encoded(cJSON *o, const char *key, const char *s, bool *failed)
{
    char *e = html_encode(s);
    if (!e || !(key ? cJSON_AddStringToObject(o, key, e) : (cJSON_AddItemToArray(o, cJSON_CreateString(e)), o)))
        *failed = true;
    free(e);
}

void tv_xwrite_opentdb(const tv_XList *list, tv_XBuf *out, tv_XSkip skip, void *ud)
{
    static const char *const diffs[] = {"easy", "medium", "hard"};
    cJSON *root = cJSON_CreateObject(), *results = cJSON_CreateArray();
    bool failed = !root || !results;
    cJSON_AddNumberToObject(root, "response_code", 0);
    for (int i = 0; i < list->n && !failed; i++) {
        const tv_Question *q = &list->questions[i];
        if (q->type != TV_Q_CHOICE && q->type != TV_Q_TRUEFALSE) {
            if (skip)
                skip(ud, 0, q->id, "Open Trivia DB holds only multiple-choice and true/false questions");
            continue;
        }
        cJSON *o = cJSON_CreateObject(), *wrong = cJSON_CreateArray();
        cJSON_AddItemToArray(results, o);
        cJSON_AddStringToObject(o, "type", q->type == TV_Q_CHOICE ? "multiple" : "boolean");
        cJSON_AddStringToObject(o, "difficulty", diffs[q->difficulty >= 1 && q->difficulty <= 3 ? q->difficulty - 1 : 0]);
        add_encoded(o, "category", q->category, &failed);
        add_encoded(o, "question", q->prompt, &failed);
        if (q->type == TV_Q_TRUEFALSE) {
            cJSON_AddStringToObject(o, "correct_answer", q->truth ? "True" : "False");
            cJSON_AddItemToArray(wrong, cJSON_CreateString(q->truth ? "False" : "True"));
        } else {
            add_encoded(o, "correct_answer", q->options[0], &failed);
            for (int k = 1; k < q->n_options; k++)
                add_encoded(wrong, NULL, q->options[k], &failed);
        }
        cJSON_AddItemToObject(o, "incorrect_answers", wrong);
    }
    cJSON_AddItemToObject(root, "results", results);
    char *text = failed ? NULL : cJSON_Print(root);
    if (text) {
        tv_xbuf_puts(out, text);
        tv_xbuf_puts(out, "\n");
        cJSON_free(text);
    } else
        out->failed = true;
    cJSON_Delete(root);
}

/* }====================================================================== */
