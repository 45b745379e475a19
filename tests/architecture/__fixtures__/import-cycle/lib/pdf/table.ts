// Two files of one folder importing each other: a module-level cycle.
import { PAGE_HEIGHT } from './page';

export const ROW_HEIGHT = 14;
export const ROWS_PER_PAGE = () => Math.floor(PAGE_HEIGHT / ROW_HEIGHT);
