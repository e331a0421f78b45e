/* replay.c - scripts to session answers. The true/false words come from the caller (the
 * UI strings), not from here. Depends on: core, runner/answers. */
#include "runner/replay.h"

#include <stdio.h>
#include <string.h>

#include "core/text.h"

bool tv_step_to_answer(const tv_Session *s, int player, int round, const tv_Step *st, const tv_Labels *accept,
                       int n_accept, tv_Answer *a, tv_Error *err)
{
    const tv_Round *r = tv_session_round(s, round);
    memset(a, 0, sizeof *a);
    switch (st->kind) {
    case TV_STEP_CORRECT: tv_session_correct_answer(s, round, a); return true;
    case TV_STEP_WRONG: tv_session_wrong_answer(s, player, round, a); return true;
    case TV_STEP_TIMEOUT: a->kind = TV_ANS_TIMEOUT; return true;
    case TV_STEP_SKIP: a->kind = TV_ANS_SKIP; return true;
    case TV_STEP_NUMBER: a->kind = TV_ANS_NUMBER, a->number = st->number; return true;
    case TV_STEP_TEXT:
        if (r->q->type == TV_Q_TRUEFALSE) {
            /* True/false by its label, in any language given: option 0 is true. */
            for (int v = 0; v < 2; v++)
                for (int l = 0; l < n_accept; l++)
                    if (tv_text_match(st->text, v == 0 ? accept[l].true_label : accept[l].false_label)) {
                        a->kind = TV_ANS_OPTION, a->option = v;
                        return true;
                    }
            return tv_error_set(err, TV_ERR_SCRIPT, NULL, 0, "a true/false question takes A, B, =true or =false");
        }
        a->kind = TV_ANS_TEXT, a->text = st->text;
        return true;
    case TV_STEP_LETTERS:
        if (r->q->type == TV_Q_ORDER) {
            a->kind = TV_ANS_ORDER;
            a->n_order = st->n_letters;
            memcpy(a->order, st->letters, sizeof(int) * (size_t)st->n_letters);
            return true;
        }
        if (st->n_letters != 1)
            return tv_error_set(err, TV_ERR_SCRIPT, NULL, 0, "a %s question takes one letter",
                                tv_qtype_name(r->q->type));
        a->kind = TV_ANS_OPTION, a->option = st->letters[0];
        return true;
    }
    return false;
}

bool tv_play_scripts(tv_Session *s, const tv_Script *scripts, int n, const tv_Labels *accept, int n_accept,
                     tv_Error *err)
{
    for (int p = 0; p < n; p++) {
        const tv_Script *sc = &scripts[p];
        if (sc->n_steps < s->n_rounds)
            return tv_error_set(err, TV_ERR_SCRIPT, sc->name, 0,
                                "the script answers %d questions but the session asks %d (use --count to ask fewer)",
                                sc->n_steps, s->n_rounds);
        if (sc->n_steps > s->n_rounds)
            return tv_error_set(err, TV_ERR_SCRIPT, sc->name, sc->steps[s->n_rounds].line,
                                "the session asks only %d questions, this line answers question %d", s->n_rounds,
                                s->n_rounds + 1);
    }
    for (int r = 0; r < s->n_rounds; r++)
        for (int p = 0; p < n; p++) {
            const tv_Step *st = &scripts[p].steps[r];
            tv_Error e = {0};
            tv_Answer a;
            bool ok = !st->lifeline || tv_session_lifeline(s, p, r, &e);
            ok = ok && tv_step_to_answer(s, p, r, st, accept, n_accept, &a, &e);
            ok = ok && tv_session_answer(s, p, r, &a, st->t_ms, &e) != NULL;
            if (!ok)
                return tv_error_set(err, TV_ERR_SCRIPT, scripts[p].name, st->line, "question %d (%s/%s): %s",
                                    r + 1, tv_session_round(s, r)->q->pack, tv_session_round(s, r)->q->id, e.msg);
        }
    return true;
}

void tv_format_given(const tv_Answer *a, char *buf, size_t size)
{
    switch (a->kind) {
    case TV_ANS_TIMEOUT: snprintf(buf, size, "timeout"); break;
    case TV_ANS_SKIP: snprintf(buf, size, "skip"); break;
    case TV_ANS_OPTION: snprintf(buf, size, "%c", 'A' + a->option); break;
    case TV_ANS_NUMBER: snprintf(buf, size, "%.15g", a->number); break;
    case TV_ANS_TEXT: snprintf(buf, size, "=%s", a->text); break;
    case TV_ANS_ORDER: {
        size_t i = 0;
        for (int k = 0; k < a->n_order && i + 1 < size; k++)
            buf[i++] = (char)('A' + a->order[k]);
        buf[i] = '\0';
        break;
    }
    }
}
