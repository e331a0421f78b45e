/* i18n.c - UI strings from gettext .po files (assets/i18n/<lang>.po), with English
 * compiled in as the last resort (see i18n.h).
 *
 * Trust boundary: a .po file is text a translator wrote, or a player who adds a
 * language, and the UI passes some of its strings to printf as the format. So a file
 * is used only when, for every key the code formats (formats.c), its text holds
 * exactly the conversions the code passes, and when every other translated text holds
 * en.po's conversions in en.po's order. A file that fails is not used at all: a bad
 * translation gives English, a bad en.po gives the English built in from the en.po we
 * shipped (po2c.c), and the reason is kept for the caller (tv_i18n_warning). Loading
 * therefore never fails except for lack of memory, and a wrong or missing language
 * can never stop the game.
 * Depends on: po.c (the parser), formats.c, core (error, text), libc. No SDL. */
#include "i18n/i18n.h"

#include "i18n/po.h"
#include "core/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Keys sorted with strcmp, texts parallel, for bsearch. A borrowed table points at the
 * built-in strings and frees only its arrays. */
typedef struct Table {
    int n;
    bool borrowed;
    char **keys, **texts;
} Table;

struct tv_I18n {
    char lang[16]; /* the language shown: "en" after a fallback */
    Table en, tr;  /* tr is empty when English is shown */
    int warnings;
    char warning[1400]; /* file (256) + line + msg (1024) + fallback */
};

/* en.po as shipped, sorted by key: {"key", "text"}, generated at build time. */
static const struct {
    const char *key, *text;
} builtin_en[] = {
#include "en_builtin.inc"
};

/* {====================================================================== tables */

/* Moves po's strings into t, sorted by key (keys are unique by now). */
static bool make_table(Table *t, tv_Po *po)
{
    memset(t, 0, sizeof *t);
    t->keys = malloc(((size_t)po->n + 1) * sizeof *t->keys);
    t->texts = malloc(((size_t)po->n + 1) * sizeof *t->texts);
    if (!t->keys || !t->texts) {
        free(t->keys);
        free(t->texts);
        memset(t, 0, sizeof *t);
        return false;
    }
    if (po->n)
        qsort(po->v, (size_t)po->n, sizeof *po->v, tv_po_cmp_entry);
    for (int i = 0; i < po->n; i++) {
        t->keys[i] = po->v[i].key;
        t->texts[i] = po->v[i].text;
    }
    t->n = po->n;
    free(po->v);
    memset(po, 0, sizeof *po);
    return true;
}

static bool builtin_table(Table *t)
{
    size_t n = sizeof builtin_en / sizeof builtin_en[0];
    memset(t, 0, sizeof *t);
    t->keys = malloc((n + 1) * sizeof *t->keys);
    t->texts = malloc((n + 1) * sizeof *t->texts);
    if (!t->keys || !t->texts) {
        free(t->keys);
        free(t->texts);
        memset(t, 0, sizeof *t);
        return false;
    }
    /* The casts drop const only for the shared Table type; borrowed texts are never
     * written or freed. */
    for (size_t i = 0; i < n; i++) {
        t->keys[i] = (char *)builtin_en[i].key;
        t->texts[i] = (char *)builtin_en[i].text;
    }
    t->n = (int)n;
    t->borrowed = true;
    return true;
}

static void table_free(Table *t)
{
    for (int i = 0; !t->borrowed && i < t->n; i++) {
        free(t->keys[i]);
        free(t->texts[i]);
    }
    free(t->keys);
    free(t->texts);
    memset(t, 0, sizeof *t);
}

static int cmp_key(const void *key, const void *elem) { return strcmp(key, *(char *const *)elem); }

static const char *table_get(const Table *t, const char *key)
{
    if (!t->n)
        return NULL;
    char *const *k = bsearch(key, t->keys, (size_t)t->n, sizeof *t->keys, cmp_key);
    return k ? t->texts[k - t->keys] : NULL;
}

/* }====================================================================== */

/* {====================================================================== checks */

/* The code passes formats.c's arguments with these keys, whatever the file says. An
 * empty text is "not translated" and is never used, so it is not checked. */
static bool check_against_code(const char *path, const tv_Po *po, tv_Error *err)
{
    for (int i = 0; i < po->n; i++) {
        const char *want = tv_i18n_format_of(po->v[i].key);
        if (!want || !po->v[i].text[0] || tv_po_conversions_are(po->v[i].text, want))
            continue;
        char got[64], passed[64] = "";
        tv_po_describe_conversions(po->v[i].text, got, sizeof got);
        for (size_t k = 0; want[k] && k < 16; k++)
            snprintf(passed + strlen(passed), sizeof passed - strlen(passed), "%s%%%c", k ? " " : "", want[k]);
        return tv_error_set(err, TV_ERR_IO, path, po->v[i].str_line,
                            "msgstr for '%s' has conversions %s, but the game formats it with %s", po->v[i].key, got,
                            passed[0] ? passed : "none");
    }
    return true;
}

/* Every translated string must carry en.po's conversions in en.po's order, since the
 * caller formats it with arguments meant for the English text. */
static bool check_against_english(const char *path, const tv_Po *tr, const Table *en, tv_Error *err)
{
    for (int i = 0; i < tr->n; i++) {
        const char *english = table_get(en, tr->v[i].key);
        if (!english || !tr->v[i].text[0] || tv_po_conversions_equal(english, tr->v[i].text))
            continue;
        char want[64], got[64];
        tv_po_describe_conversions(english, want, sizeof want);
        tv_po_describe_conversions(tr->v[i].text, got, sizeof got);
        return tv_error_set(err, TV_ERR_IO, path, tr->v[i].str_line,
                            "msgstr for '%s' has conversions %s, but en.po has %s (same ones, same order)",
                            tr->v[i].key, got, want);
    }
    return true;
}

/* The first warning is kept whole; later ones are counted (" (and N more)"). */
static void add_warning(tv_I18n *i18n, const tv_Error *why, const char *fallback)
{
    if (i18n->warnings++ == 0) {
        if (why->line > 0)
            snprintf(i18n->warning, sizeof i18n->warning, "%s:%d: %s; %.64s", why->file, why->line, why->msg, fallback);
        else if (why->file[0])
            snprintf(i18n->warning, sizeof i18n->warning, "%s: %s; %.64s", why->file, why->msg, fallback);
        else
            snprintf(i18n->warning, sizeof i18n->warning, "%s; %.64s", why->msg, fallback);
        return;
    }
    char *more = strstr(i18n->warning, " (and ");
    size_t at = more ? (size_t)(more - i18n->warning) : strlen(i18n->warning);
    snprintf(i18n->warning + at, sizeof i18n->warning - at, " (and %d more)", i18n->warnings - 1);
}

/* Loads path into t if it parses and passes the checks (against en when given). */
static bool load_checked(const char *path, const Table *en, Table *t, tv_Error *why)
{
    tv_Po po;
    if (!tv_po_load(path, &po, why))
        return false;
    bool ok = check_against_code(path, &po, why) && (!en || check_against_english(path, &po, en, why));
    if (ok && !make_table(t, &po))
        ok = tv_error_set(why, TV_ERR_NOMEM, path, 0, "out of memory");
    tv_po_free(&po);
    return ok;
}

/* }====================================================================== */

tv_I18n *tv_i18n_load(const char *dir, const char *lang, tv_Error *err)
{
    tv_I18n *i18n = calloc(1, sizeof *i18n);
    if (!i18n) {
        tv_error_set(err, TV_ERR_NOMEM, "", 0, "out of memory");
        return NULL;
    }
    snprintf(i18n->lang, sizeof i18n->lang, "en");
    char path[4096];
    tv_Error why = {0};
    snprintf(path, sizeof path, "%s/en.po", dir);
    if (!load_checked(path, NULL, &i18n->en, &why)) {
        if (why.code == TV_ERR_NOMEM)
            goto nomem;
        add_warning(i18n, &why, "using the built-in English");
        if (!builtin_table(&i18n->en))
            goto nomem;
    }
    if (!lang || strcmp(lang, "en") == 0)
        return i18n;
    /* A language code is also a file name, so it is held to "en" / "pt_BR" shapes: no
     * path separators or dots can reach open(). */
    if (!tv_text_lang_valid(lang, strlen(lang))) {
        tv_error_set(&why, TV_ERR_USAGE, "", 0, "language code '%.16s' is not like 'en', 'nl' or 'pt_BR'", lang);
        add_warning(i18n, &why, "showing English");
        return i18n;
    }
    snprintf(path, sizeof path, "%s/%s.po", dir, lang);
    memset(&why, 0, sizeof why);
    if (!load_checked(path, &i18n->en, &i18n->tr, &why)) {
        if (why.code == TV_ERR_NOMEM)
            goto nomem;
        add_warning(i18n, &why, "showing English");
        return i18n;
    }
    snprintf(i18n->lang, sizeof i18n->lang, "%s", lang);
    return i18n;
nomem:
    tv_i18n_free(i18n);
    tv_error_set(err, TV_ERR_NOMEM, path, 0, "out of memory");
    return NULL;
}

void tv_i18n_free(tv_I18n *i18n)
{
    if (!i18n)
        return;
    table_free(&i18n->en);
    table_free(&i18n->tr);
    free(i18n);
}

const char *tv_i18n_get(const tv_I18n *i18n, const char *key)
{
    if (!i18n || !key)
        return key;
    /* An empty msgstr is gettext's "not translated yet", so it falls through too. */
    const char *s = table_get(&i18n->tr, key);
    if (s && s[0])
        return s;
    s = table_get(&i18n->en, key);
    return s && s[0] ? s : key;
}

const char *tv_i18n_lang(const tv_I18n *i18n) { return i18n ? i18n->lang : "en"; }

const char *tv_i18n_warning(const tv_I18n *i18n) { return i18n ? i18n->warning : ""; }
