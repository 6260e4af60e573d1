/** The page of one participant's score sheet (?participant=…&kind=…), linked from the department and appraisal pages. */
export const SHEET_PAGE = '/phieu-cham';
