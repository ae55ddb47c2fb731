/** The last column header of a table whose rows end with buttons: named for screen readers only. */
export function ActionsHeader() {
  return (
    <th>
      <span className="sr-only">Actions</span>
    </th>
  );
}
