/* expr_type.h: what kind of value an expression gives, from the model.
 *
 * The checks (sem_expr.c) have already refused what does not type-check;
 * this is the light question the emitters ask afterwards, where engines
 * disagree by type: integer division, a boolean printed as text, a date
 * compared with a timestamp.  It knows no dialect. */
#ifndef MIGC_EXPR_TYPE_H
#define MIGC_EXPR_TYPE_H

#include "model.h"

typedef enum ValueKind {
    VK_UNKNOWN,
    VK_NULL,
    VK_INT,    /* smallint, integer, bigint, integer literals */
    VK_FRAC,   /* numeric and decimal literals */
    VK_DOUBLE, /* real, double */
    VK_BOOL,
    VK_TEXT, /* text, varchar, char, enum, uuid, string literals */
    VK_DATE,
    VK_TIME,
    VK_TIMESTAMP, /* with or without time zone */
    VK_OTHER,     /* interval, json, bytes */
} ValueKind;

/* The kind of `e`, whose columns are those of `scope` (NULL: none). */
ValueKind value_kind(const Expr *e, const MTable *scope);

/* The declared type of `e` when it is a column of `scope` or a cast, else NULL. */
const Type *value_type(const Expr *e, const MTable *scope);

ValueKind kind_of_type(const Type *t);

#endif
