/**
 * RFC 6266: `attachment` (save) or `inline` (show), with an ASCII fallback name (diacritics stripped, đ → d) and the
 * exact UTF-8 name for browsers. Downloads from the API and evidence files from storage both name files this way.
 */
export const contentDisposition = (fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string => {
  const ascii = fileName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName.normalize('NFC'))}`;
};
