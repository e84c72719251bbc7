/** The one font every chart uses: installed with Debian (fonts-dejavu-core), so text renders headlessly. */
export const REPORT_FONT = 'DejaVu Sans';
