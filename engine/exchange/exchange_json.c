/* exchange_json.c - Trivium JSON: a lossless dump of a pack's questions in one language
 * (the fields of docs/pack-api.md, under the same names), read back into the same list.
 * Depends on: exchange list, cJSON. Trust boundary: the reader takes any bytes; cJSON
 * parses with an explicit length, every field is type-checked and every text goes
 * through tv_xlist_text, and a question with a wrong field is skipped with its line. */
#include <math.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "exchange/exchange.h"
#include "core/text.h"

#define FORMAT_TAG "trivium-questions"

/* {====================================================================== writer */

static cJSON *string_array(const char *const *v, int n)
{
    cJSON *a = cJSON_CreateArray();
    for (int i = 0; a && i < n; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(v[i]));
    return a;
}

static void add_if(cJSON *o, const char *key, const char *s)
{
    if (s && s[0])
        cJSON_AddStringToObject(o, key, s);
}

static cJSON *question_json(const tv_Question *q)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    cJSON_AddStringToObject(o, "id", q->id);
    cJSON_AddStringToObject(o, "type", tv_qtype_name(q->type));
    cJSON_AddStringToObject(o, "prompt", q->prompt);
    switch (q->type) {
    case TV_Q_CHOICE:
        cJSON_AddStringToObject(o, "answer", q->options[0]);
        cJSON_AddItemToObject(o, "wrong", string_array(q->options + 1, q->n_options - 1));
        break;
    case TV_Q_TRUEFALSE: cJSON_AddBoolToObject(o, "answer", q->truth); break;
    case TV_Q_NUMERIC:
        cJSON_AddNumberToObject(o, "answer", q->number);
        cJSON_AddNumberToObject(o, "tolerance", q->tolerance);
        add_if(o, "unit", q->unit);
        break;
    case TV_Q_ORDER: cJSON_AddItemToObject(o, "items", string_array(q->items, q->n_items)); break;
    case TV_Q_TEXT: cJSON_AddItemToObject(o, "answer", string_array(q->accept, q->n_accept)); break;
    }
    cJSON_AddNumberToObject(o, "difficulty", q->difficulty);
    cJSON_AddNumberToObject(o, "time", q->time_limit_ms / 1000.0);
    cJSON_AddStringToObject(o, "category", q->category);
    add_if(o, "explain", q->explain);
    add_if(o, "source", q->source);
    if (q->n_sources > 1) /* every key of a source list; "source" is its first */
        cJSON_AddItemToObject(o, "sources", string_array(q->sources, q->n_sources));
    return o;
}

void tv_xwrite_json(const tv_XList *list, tv_XBuf *out, tv_XSkip skip, void *ud)
{
    (void)skip, (void)ud; /* the format holds every question */
    cJSON *root = cJSON_CreateObject();
    cJSON *src = cJSON_CreateArray(), *qs = cJSON_CreateArray();
    if (root && src && qs) {
        cJSON_AddStringToObject(root, "format", FORMAT_TAG);
        cJSON_AddNumberToObject(root, "version", 1);
        cJSON_AddStringToObject(root, "pack", list->pack);
        cJSON_AddStringToObject(root, "lang", list->lang);
        for (int i = 0; i < list->n_sources; i++) {
            const tv_XSource *s = &list->sources[i];
            cJSON *o = cJSON_CreateObject();
            cJSON_AddItemToArray(src, o);
            cJSON_AddStringToObject(o, "key", s->key);
            add_if(o, "publisher", s->publisher);
            add_if(o, "title", s->title);
            add_if(o, "date", s->date);
            add_if(o, "url", s->url);
        }
        cJSON_AddItemToObject(root, "sources", src);
        src = NULL;
        for (int i = 0; i < list->n; i++)
            cJSON_AddItemToArray(qs, question_json(&list->questions[i]));
        cJSON_AddItemToObject(root, "questions", qs);
        qs = NULL;
    }
    char *text = root ? cJSON_Print(root) : NULL;
    if (text) {
        tv_xbuf_puts(out, text);
        tv_xbuf_puts(out, "\n");
        cJSON_free(text);
    } else
        out->failed = true;
    cJSON_Delete(root);
    cJSON_Delete(src);
    cJSON_Delete(qs);
}

/* }====================================================================== */

/* {====================================================================== reader */

typedef struct Reader {
    tv_XList *list;
    const char *why;
} Reader;

static const char *text_field(Reader *r, const cJSON *o, const char *key, size_t max, bool newline, bool required)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!v) {
        if (required && !r->why)
            r->why = "a required field is missing";
        return "";
    }
    if (!cJSON_IsString(v)) {
        if (!r->why)
            r->why = "a text field is not a string";
        return "";
    }
    const char *why = NULL;
    const char *s = tv_xlist_text(r->list, v->valuestring, strlen(v->valuestring), max, newline, &why);
    if (!s) {
        if (!r->why)
            r->why = why;
        return "";
    }
    return s;
}

static int text_list(Reader *r, const cJSON *a, const char **out, int max)
{
    if (!cJSON_IsArray(a) || cJSON_GetArraySize(a) > max) {
        if (!r->why)
            r->why = "a list field is not a list of the allowed length";
        return 0;
    }
    int n = 0;
    const char *why = NULL;
    for (const cJSON *v = a->child; v; v = v->next) {
        const char *s = cJSON_IsString(v) ? tv_xlist_text(r->list, v->valuestring, strlen(v->valuestring),
                                                          TV_X_MAX_TEXT, false, &why)
                                          : (why = "a list holds something other than text", NULL);
        if (!s) {
            if (!r->why)
                r->why = why;
            return n;
        }
        out[n++] = s;
    }
    return n;
}

static double number_field(Reader *r, const cJSON *o, const char *key, double def, double lo, double hi,
                           const char *why)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!v)
        return def;
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) || v->valuedouble < lo || v->valuedouble > hi) {
        if (!r->why)
            r->why = why;
        return def;
    }
    return v->valuedouble;
}

static void read_question(Reader *r, const cJSON *o, tv_Question *q)
{
    tv_XList *list = r->list;
    if (!cJSON_IsObject(o)) {
        r->why = "a question is not an object";
        return;
    }
    q->id = text_field(r, o, "id", TV_X_MAX_ID, false, false);
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(o, "type");
    if (!cJSON_IsString(type) || !tv_qtype_parse(type->valuestring, &q->type)) {
        r->why = "type is not one of choice, truefalse, numeric, order, text";
        return;
    }
    q->prompt = text_field(r, o, "prompt", TV_X_MAX_PROMPT, true, true);
    double d = number_field(r, o, "difficulty", 1, 1, 3, "difficulty is not 1, 2 or 3");
    if (d != floor(d) && !r->why)
        r->why = "difficulty is not 1, 2 or 3";
    q->difficulty = (int)d;
    q->time_limit_ms = (int)lround(number_field(r, o, "time", 20, 5, 120, "time is not 5 to 120 seconds") * 1000);
    if (cJSON_GetObjectItemCaseSensitive(o, "category"))
        q->category = text_field(r, o, "category", TV_X_MAX_CATEGORY, false, false);
    q->explain = text_field(r, o, "explain", TV_X_MAX_PROMPT, true, false);
    q->source = text_field(r, o, "source", TV_X_MAX_ID, false, false);
    /* A source list, as the writer puts it: "source" is its first key. */
    const cJSON *sources = cJSON_GetObjectItemCaseSensitive(o, "sources");
    if (sources && q->source) {
        const char **keys = tv_arena_alloc(&r->list->arena, sizeof *keys * TV_MAX_SOURCES);
        int n = keys ? text_list(r, sources, keys, TV_MAX_SOURCES) : 0;
        if (!keys && !r->why)
            r->why = "out of memory";
        else if (n >= 1 && strcmp(keys[0], q->source) != 0 && !r->why)
            r->why = "sources does not start with source";
        else if (n > 1)
            q->n_sources = n, q->sources = keys;
    }
    const cJSON *answer = cJSON_GetObjectItemCaseSensitive(o, "answer");
    switch (q->type) {
    case TV_Q_CHOICE:
        q->options[0] = text_field(r, o, "answer", TV_X_MAX_TEXT, false, true);
        q->n_options = 1 + text_list(r, cJSON_GetObjectItemCaseSensitive(o, "wrong"), q->options + 1,
                                     TV_MAX_OPTIONS - 1);
        break;
    case TV_Q_TRUEFALSE:
        if (!cJSON_IsBool(answer))
            r->why = "a truefalse answer is not true or false";
        q->truth = cJSON_IsTrue(answer);
        break;
    case TV_Q_NUMERIC:
        if (!cJSON_IsNumber(answer))
            r->why = "a numeric answer is not a number";
        else
            q->number = answer->valuedouble;
        q->tolerance = number_field(r, o, "tolerance", 0, 0, 1e15, "tolerance is not a number of at least 0");
        q->unit = text_field(r, o, "unit", TV_X_MAX_UNIT, false, false);
        break;
    case TV_Q_ORDER: q->n_items = text_list(r, cJSON_GetObjectItemCaseSensitive(o, "items"), q->items, TV_MAX_ITEMS); break;
    case TV_Q_TEXT: q->n_accept = text_list(r, answer, q->accept, TV_MAX_ACCEPT); break;
    }
    (void)list;
}

static const char *source_text(tv_XList *list, const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    const char *why;
    const char *s = cJSON_IsString(v) ? tv_xlist_text(list, v->valuestring, strlen(v->valuestring), TV_X_MAX_TEXT,
                                                      false, &why)
                                      : NULL;
    return s ? s : "";
}

static bool read_sources(tv_XList *list, const cJSON *a, tv_XSkip skip, void *ud, const char *data, size_t len)
{
    int n = cJSON_IsArray(a) ? cJSON_GetArraySize(a) : 0;
    if (n > 256)
        n = 256;
    if (n == 0)
        return true;
    list->sources = tv_arena_alloc(&list->arena, (size_t)n * sizeof *list->sources);
    if (!list->sources)
        return false;
    int i = 0;
    for (const cJSON *o = a->child; o && i < n; o = o->next) {
        tv_XSource *s = &list->sources[list->n_sources];
        s->key = source_text(list, o, "key");
        if (!s->key[0]) {
            if (skip)
                skip(ud, 1 + tv_xlines(data, 0, tv_xfind(data, len, 0, "\"sources\"")), NULL, "a source has no key");
            continue;
        }
        s->publisher = source_text(list, o, "publisher");
        s->title = source_text(list, o, "title");
        s->date = source_text(list, o, "date");
        s->url = source_text(list, o, "url");
        list->n_sources++;
        i++;
    }
    return true;
}

bool tv_xread_json(const char *name, const char *data, size_t len, tv_XList *list, tv_XSkip skip, void *ud,
                   tv_Error *err)
{
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(data, len, &end, false);
    if (!root) {
        int line = 1;
        for (const char *p = data; end && p < end && p < data + len; p++)
            line += *p == '\n';
        return tv_error_set(err, TV_ERR_IO, name, line, "not valid JSON");
    }
    const cJSON *tag = cJSON_GetObjectItemCaseSensitive(root, "format");
    const cJSON *qs = cJSON_GetObjectItemCaseSensitive(root, "questions");
    if (!cJSON_IsString(tag) || strcmp(tag->valuestring, FORMAT_TAG) != 0 || !cJSON_IsArray(qs)) {
        cJSON_Delete(root);
        return tv_error_set(err, TV_ERR_IO, name, 1,
                            "not Trivium JSON (an object with \"format\": \"" FORMAT_TAG "\" and \"questions\")");
    }
    const cJSON *pack = cJSON_GetObjectItemCaseSensitive(root, "pack");
    const char *why;
    if (cJSON_IsString(pack) && pack->valuestring[0])
        list->pack = tv_xlist_text(list, pack->valuestring, strlen(pack->valuestring), 64, false, &why);
    if (!list->pack)
        list->pack = "";
    bool ok = read_sources(list, cJSON_GetObjectItemCaseSensitive(root, "sources"), skip, ud, data, len);
    /* Every question has a "type" key and no text holds one unescaped: its k-th
     * occurrence is the k-th question's line. */
    int line = 1;
    size_t at = tv_xfind(data, len, tv_xfind(data, len, 0, "\"questions\""), "\"type\""), prev = 0;
    for (const cJSON *o = qs->child; ok && o; o = o->next) {
        line += tv_xlines(data, prev, at);
        prev = at;
        at = tv_xfind(data, len, at + 1, "\"type\"");
        tv_Question *q = tv_xlist_add(list, line);
        if (!q) {
            ok = tv_xlist_add_failed(list, name, line, err);
            break;
        }
        Reader r = {list, NULL};
        read_question(&r, o, q);
        tv_xlist_keep(list, r.why, skip, ud);
    }
    cJSON_Delete(root);
    return ok;
}

/* }====================================================================== */
