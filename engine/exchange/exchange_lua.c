/* exchange_lua.c - writes a neutral list as a readable pack.lua: the pack table with its
 * facts as data, one quiz.<type>{...} call per question, the way docs/pack-api.md shows.
 * Depends on: exchange list. Trust boundary: the texts were checked by a reader, but are
 * still quoted byte by byte here so no text can end a Lua string or start code. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "exchange/exchange.h"

static void quoted(tv_XBuf *b, const char *s)
{
    tv_xbuf_add(b, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') {
            char e[2] = {'\\', (char)*p};
            tv_xbuf_add(b, e, 2);
        } else if (*p == '\n')
            tv_xbuf_add(b, "\\n", 2);
        else if (*p < 0x20 || *p == 0x7f)
            tv_xbuf_printf(b, "\\%03u", *p);
        else
            tv_xbuf_add(b, (const char *)p, 1);
    }
    tv_xbuf_add(b, "\"", 1);
}

static void number_lit(tv_XBuf *b, double v)
{
    char buf[48];
    tv_xnumber(buf, sizeof buf, v);
    tv_xbuf_puts(b, buf);
}

static void field_text(tv_XBuf *b, const char *key, const char *s)
{
    tv_xbuf_printf(b, "      %s = ", key);
    quoted(b, s);
    tv_xbuf_puts(b, ",\n");
}

static void field_list(tv_XBuf *b, const char *key, const char *const *v, int n)
{
    tv_xbuf_printf(b, "      %s = { ", key);
    for (int i = 0; i < n; i++) {
        quoted(b, v[i]);
        tv_xbuf_puts(b, i + 1 < n ? ", " : " ");
    }
    tv_xbuf_puts(b, "},\n");
}

static void question(tv_XBuf *b, const tv_Question *q)
{
    tv_xbuf_printf(b, "    quiz.%s {\n", tv_qtype_name(q->type));
    field_text(b, "id", q->id);
    field_text(b, "prompt", q->prompt);
    switch (q->type) {
    case TV_Q_CHOICE:
        field_text(b, "answer", q->options[0]);
        field_list(b, "wrong", q->options + 1, q->n_options - 1);
        break;
    case TV_Q_TRUEFALSE: tv_xbuf_printf(b, "      answer = %s,\n", q->truth ? "true" : "false"); break;
    case TV_Q_NUMERIC:
        tv_xbuf_puts(b, "      answer = ");
        number_lit(b, q->number);
        tv_xbuf_puts(b, ",\n");
        if (q->tolerance > 0) {
            tv_xbuf_puts(b, "      tolerance = ");
            number_lit(b, q->tolerance);
            tv_xbuf_puts(b, ",\n");
        }
        if (q->unit[0])
            field_text(b, "unit", q->unit);
        break;
    case TV_Q_ORDER: field_list(b, "items", q->items, q->n_items); break;
    case TV_Q_TEXT:
        if (q->n_accept == 1)
            field_text(b, "answer", q->accept[0]);
        else
            field_list(b, "answer", q->accept, q->n_accept);
        break;
    }
    tv_xbuf_printf(b, "      difficulty = %d,\n", q->difficulty);
    if (q->time_limit_ms != TV_TIME_DEFAULT_MS) {
        tv_xbuf_puts(b, "      time = ");
        number_lit(b, q->time_limit_ms / 1000.0);
        tv_xbuf_puts(b, ",\n");
    }
    field_text(b, "category", q->category);
    if (q->explain[0])
        field_text(b, "explain", q->explain);
    if (q->n_sources > 1)
        field_list(b, "source", q->sources, q->n_sources);
    else if (q->source[0])
        field_text(b, "source", q->source);
    tv_xbuf_puts(b, "    },\n");
}

/* A key that is a Lua name is written bare (nerd = ...), anything else as ["..."]. */
static bool is_lua_name(const char *s)
{
    static const char *const keywords[] = {"and",  "break", "do",     "else", "elseif", "end",   "false", "for",
                                           "function", "goto", "if", "in",   "local",  "nil",   "not",   "or",
                                           "repeat", "return", "then", "true", "until", "while"};
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
        return false;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_'))
            return false;
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (strcmp(s, keywords[i]) == 0)
            return false;
    return true;
}

static void source(tv_XBuf *b, const tv_XSource *s)
{
    if (is_lua_name(s->key))
        tv_xbuf_printf(b, "    %s = {", s->key);
    else {
        tv_xbuf_puts(b, "    [");
        quoted(b, s->key);
        tv_xbuf_puts(b, "] = {");
    }
    const char *names[] = {"publisher", "title", "date", "url"};
    const char *vals[] = {s->publisher, s->title, s->date, s->url};
    for (int i = 0; i < 4; i++)
        if (vals[i][0]) {
            tv_xbuf_printf(b, " %s = ", names[i]);
            quoted(b, vals[i]);
            tv_xbuf_puts(b, ",");
        }
    tv_xbuf_puts(b, " },\n");
}

/* A comment must not end early: a newline inside it would start code. */
static void comment_line(tv_XBuf *b, const char *s)
{
    tv_xbuf_puts(b, "-- ");
    for (; *s; s++)
        tv_xbuf_add(b, (unsigned char)*s < 0x20 ? " " : s, 1);
    tv_xbuf_puts(b, "\n");
}

bool tv_xwrite_lua(const tv_XList *list, const char *id, const char *comment, tv_XBuf *b)
{
    if (comment)
        comment_line(b, comment);
    tv_xbuf_puts(b, "-- Texts are plain strings in one language; `trivium lint` lists what to add\n"
                    "-- (translations, sources, explanations). docs/pack-api.md describes every field.\n"
                    "return {\n  id = ");
    quoted(b, id);
    tv_xbuf_puts(b, ",\n  title = ");
    quoted(b, id);
    tv_xbuf_puts(b, ",\n  version = \"1.0.0\",\n  languages = { \"en\", \"nl\" },\n");
    if (list->n_sources > 0) {
        tv_xbuf_puts(b, "  sources = {\n");
        for (int i = 0; i < list->n_sources; i++)
            source(b, &list->sources[i]);
        tv_xbuf_puts(b, "  },\n");
    }
    tv_xbuf_puts(b, "  questions = {\n");
    for (int i = 0; i < list->n; i++)
        question(b, &list->questions[i]);
    tv_xbuf_puts(b, "  },\n}\n");
    return !b->failed;
}
