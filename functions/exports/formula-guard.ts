/**
 * CSV formula injection (OWASP "CSV Injection"): Excel, LibreOffice and Google Sheets run a cell that starts with
 * = + - @ (or a tab or carriage return, which they skip before looking) as a formula, so a name typed as
 * `=HYPERLINK(...)` would act when the Office opens the list. Such a cell is written with a leading apostrophe:
 * spreadsheets then show it as text. Only text cells: a number (-3) is a number, not a formula.
 *
 * .xlsx text cells need nothing: ExcelJS writes every string as a shared string (`t="s"`), never as a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const neutralizeFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);
