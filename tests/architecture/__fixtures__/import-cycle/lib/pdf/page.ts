import { ROW_HEIGHT } from './table';

export const PAGE_HEIGHT = ROW_HEIGHT * 40;
