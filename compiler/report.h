/* report.h: diagnostics rendered for machines: JSON (format 1, see
 * report.c) and SARIF 2.1.0 for code-scanning tools. */
#ifndef MIGC_REPORT_H
#define MIGC_REPORT_H

#include "diag.h"

typedef enum ReportFormat { FORMAT_TEXT, FORMAT_JSON, FORMAT_SARIF } ReportFormat;

void report_json(const Diags *d, FILE *out);
void report_sarif(const Diags *d, FILE *out);

#endif
