/* font.c - font discovery: a sans-serif regular and bold face that cover the letters
 * the packs use, chosen once through fontconfig (or a --font file and its -Bold
 * sibling). Opening and sizing the faces is textcache.c's business, not this file's.
 * Depends on: fontconfig, libc. Must not include SDL: the app calls this from its
 * preload thread while the window is still being made. Keeps no fontconfig state. */
#include "ui/font.h"

#include <stdio.h>
#include <string.h>

#include <fontconfig/fontconfig.h>

static bool font_covers(FcPattern *p)
{
    FcCharSet *cs = NULL;
    if (FcPatternGetCharSet(p, FC_CHARSET, 0, &cs) != FcResultMatch)
        return false;
    /* Š ć ë ï é: the Dutch and Slavic letters the packs use. */
    static const FcChar32 needed[] = {0x160, 0x107, 0xEB, 0xEF, 0xE9};
    for (size_t i = 0; i < sizeof needed / sizeof needed[0]; i++)
        if (!FcCharSetHasChar(cs, needed[i]))
            return false;
    return true;
}

static bool match_font(const char *spec, char *out, size_t size)
{
    FcPattern *pat = FcNameParse((const FcChar8 *)spec);
    if (!pat)
        return false;
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcFontSet *set = FcFontSort(NULL, pat, FcTrue, NULL, &res);
    bool found = false;
    for (int i = 0; set && i < set->nfont && !found; i++) {
        FcChar8 *file = NULL;
        FcBool scalable = FcFalse;
        FcPatternGetBool(set->fonts[i], FC_SCALABLE, 0, &scalable);
        if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) == FcResultMatch && scalable &&
            font_covers(set->fonts[i])) {
            snprintf(out, size, "%s", (const char *)file);
            found = true;
        }
    }
    if (set)
        FcFontSetDestroy(set);
    FcPatternDestroy(pat);
    return found;
}

bool tv_font_find(const char *override, char *path, size_t size, char *bold, size_t bold_size, tv_Error *err)
{
    if (override) {
        FILE *f = fopen(override, "rb");
        if (!f)
            return tv_error_set(err, TV_ERR_USAGE, override, 0, "--font: cannot open the font file");
        fclose(f);
        snprintf(path, size, "%s", override);
        snprintf(bold, bold_size, "%s", override);
        /* A family's bold face usually sits beside it as <name>-Bold.<ext>. */
        const char *dot = strrchr(override, '.');
        if (dot) {
            char guess[1100];
            snprintf(guess, sizeof guess, "%.*s-Bold%s", (int)(dot - override), override, dot);
            FILE *b = fopen(guess, "rb");
            if (b) {
                fclose(b);
                snprintf(bold, bold_size, "%s", guess);
            }
        }
        return true;
    }
    if (!FcInit())
        return tv_error_set(err, TV_ERR_IO, NULL, 0, "fontconfig could not start; pass a font with --font PATH");
    bool ok = match_font("sans-serif:style=Regular", path, size);
    if (ok && !match_font("sans-serif:style=Bold", bold, bold_size))
        snprintf(bold, bold_size, "%s", path);
    FcFini(); /* the font is chosen once; keep no fontconfig state alive afterwards */
    if (!ok)
        return tv_error_set(err, TV_ERR_IO, NULL, 0,
                            "no sans-serif font covering Latin Extended (Š, ć, ë) was found through fontconfig; "
                            "install fonts-dejavu-core or pass --font PATH");
    return true;
}
