import type { ComponentChildren } from 'preact';

/** A striped table that scrolls sideways on a phone rather than squeezing its columns; `children` are its rows. */
export const Table = ({ headers, children, testId }: { headers: readonly ComponentChildren[]; children: ComponentChildren; testId?: string }) => (
  <div class="table-scroll">
    <table class="striped" data-testid={testId}>
      <thead>
        <tr>
          {headers.map((header, index) => (
            <th scope="col" key={index}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  </div>
);
