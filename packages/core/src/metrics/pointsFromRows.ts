import type { Points } from './Points.js';

/** {@link Points} from one array per point; every row must have the same length. */
export function pointsFromRows(rows: readonly (readonly number[])[]): Points {
  const dim = rows[0]?.length ?? 0;
  const data = new Float64Array(rows.length * dim);
  rows.forEach((row, i) => {
    if (row.length !== dim) throw new RangeError(`pointsFromRows: row ${i} has ${row.length} values, row 0 has ${dim}`);
    data.set(row, i * dim);
  });
  return { n: rows.length, dim, data };
}
