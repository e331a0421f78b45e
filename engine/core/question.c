/* question.c - question type names. Depends on: libc. */
#include "core/question.h"

#include <string.h>

static const char *const type_names[] = {"choice", "truefalse", "numeric", "order", "text"};

const char *tv_qtype_name(tv_QType type) { return type_names[type]; }

bool tv_qtype_parse(const char *name, tv_QType *out)
{
    for (int i = 0; i < 5; i++)
        if (strcmp(name, type_names[i]) == 0) {
            *out = (tv_QType)i;
            return true;
        }
    return false;
}

int tv_question_shown_count(const tv_Question *q)
{
    switch (q->type) {
    case TV_Q_CHOICE: return q->n_options;
    case TV_Q_TRUEFALSE: return 2;
    case TV_Q_ORDER: return q->n_items;
    default: return 0;
    }
}

int tv_time_limit_scaled(int limit_ms, int percent)
{
    long long ms = (long long)limit_ms * percent / 100;
    return (int)(ms < TV_TIME_MIN_MS ? TV_TIME_MIN_MS : ms > TV_TIME_MAX_MS ? TV_TIME_MAX_MS : ms);
}
