import Grid, { type GridSize } from '@mui/material/Grid';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { SxProps, Theme } from '@mui/material/styles';
import type { ReactElement, ReactNode } from 'react';
import { Labeled, Pagination, ReferenceManyField, useTranslate, type SortPayload } from 'react-admin';

/** A section's title on a show page (a message key). */
export const SectionHeading = ({ children, sx }: { children: string; sx?: SxProps<Theme> }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h2" sx={sx} gutterBottom>
      {translate(children)}
    </Typography>
  );
};

/** A part of a page under its title (a message key), which also names it for screen readers. */
export const TitledSection = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  const text = translate(title);
  return (
    <section aria-label={text}>
      <Typography variant="subtitle1" component="h2" gutterBottom>
        {text}
      </Typography>
      {children}
    </section>
  );
};

/** Items of a record (its steps, answers, materials) as a dense list, a line or two each. */
export function TextList<T>({
  items,
  itemKey,
  primary,
  secondary,
}: {
  items: readonly T[];
  itemKey: (item: T) => string;
  primary: (item: T) => ReactNode;
  secondary?: (item: T) => ReactNode;
}) {
  return (
    <List dense disablePadding>
      {items.map((item) => (
        <ListItem key={itemKey(item)} disableGutters>
          <ListItemText primary={primary(item)} secondary={secondary?.(item)} />
        </ListItem>
      ))}
    </List>
  );
}

/** A record's fields, each under its label in a grid cell: `size` says how many share a row on each screen. */
export const LabeledFields = ({
  fields,
  size,
}: {
  fields: readonly ReactElement[];
  size: Partial<Record<'xs' | 'sm' | 'md' | 'lg', GridSize>>;
}) =>
  fields.map((field) => (
    <Grid key={field.key} size={size}>
      <Labeled>{field}</Labeled>
    </Grid>
  ));

/** A small table under its title (a message key), which also names it for screen readers. */
export const TitledTable = ({
  title,
  head,
  children,
}: {
  title: string;
  head: ReactNode;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  const text = translate(title);
  return (
    <section>
      <Typography variant="subtitle1" component="h2" gutterBottom>
        {text}
      </Typography>
      <Table size="small" aria-label={text}>
        <TableHead>
          <TableRow>{head}</TableRow>
        </TableHead>
        <TableBody>{children}</TableBody>
      </Table>
    </section>
  );
};

interface RelatedRecordsProps {
  reference: string;
  /** The filter field naming the shown record: organizationId, parentCode. */
  target: string;
  sort?: SortPayload;
  perPage?: number;
  empty?: ReactNode;
  children: ReactNode;
}

/** The records of another resource that point to the shown one, a page at a time. */
export const RelatedRecords = ({ perPage = 10, children, ...props }: RelatedRecordsProps) => (
  <ReferenceManyField {...props} perPage={perPage} pagination={<Pagination />}>
    {children}
  </ReferenceManyField>
);
