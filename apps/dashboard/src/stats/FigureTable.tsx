import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableContainer from '@mui/material/TableContainer';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink, useNavigate, type To } from 'react-router-dom';

/** A column of figures: its header and how a row's value is written (a count, a rate). */
export interface FigureColumn<R> {
  key: string;
  label: string;
  value: (row: R) => string;
  /** A theme colour where the value needs attention. */
  color?: (row: R) => string | undefined;
}

/** A column without colour, on one line: `column('visits', label, (r) => count(r.visits))`. */
export const column = <R,>(key: string, label: string, value: (row: R) => string): FigureColumn<R> => ({
  key,
  label,
  value,
});

interface FigureTableProps<R> {
  title: string;
  /** The first column's header: 区域, 纠纷类型 … */
  rowHeader: string;
  rows: readonly R[];
  rowKey: (row: R) => string;
  rowLabel: (row: R) => string;
  columns: readonly FigureColumn<R>[];
  /** Where a row drills down to, if it does: the whole row is clickable, its label a link. */
  rowLink?: (row: R) => To;
  /** Beside the title: what acts on the whole table (its export). */
  actions?: ReactNode;
}

/** Figures per row (child region, dispute type …) under a heading; scrolls inside itself on a phone. */
export function FigureTable<R>({
  title,
  rowHeader,
  rows,
  rowKey,
  rowLabel,
  columns,
  rowLink,
  actions,
}: FigureTableProps<R>) {
  const navigate = useNavigate();
  if (rows.length === 0) return null;
  return (
    <section>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="subtitle1" component="h2" gutterBottom>
          {title}
        </Typography>
        {actions}
      </Stack>
      {/* Contained: a wide table scrolls inside itself instead of widening the page (the village profile's
          eight columns on a phone). */}
      <TableContainer sx={{ contain: 'inline-size' }}>
        <Table size="small" aria-label={title}>
          <TableHead>
            <TableRow>
              <TableCell>{rowHeader}</TableCell>
              {columns.map((column) => (
                <TableCell key={column.key} align="right">
                  {column.label}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => {
              const to = rowLink?.(row);
              return (
                <TableRow
                  key={rowKey(row)}
                  hover={Boolean(to)}
                  onClick={to ? () => navigate(to) : undefined}
                  sx={to ? { cursor: 'pointer' } : undefined}
                >
                  <TableCell>
                    {to ? (
                      <Link component={RouterLink} to={to} onClick={(e) => e.stopPropagation()}>
                        {rowLabel(row)}
                      </Link>
                    ) : (
                      rowLabel(row)
                    )}
                  </TableCell>
                  {columns.map((column) => (
                    <TableCell key={column.key} align="right" sx={{ color: column.color?.(row) }}>
                      {column.value(row)}
                    </TableCell>
                  ))}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
    </section>
  );
}
