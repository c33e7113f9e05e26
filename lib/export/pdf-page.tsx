// The page every multi-page PDF of the app draws: A4, content flowing from page to page, and a footer
// line (a note on the left, "n / N" on the right) on every page.
//
// The footer is page chrome given to react-pdf's `layout`, which also opts the document into its newer
// pagination engine: content is measured once and packed into pages. The older engine laid out the
// whole rest of the document again after every page break (quadratic in pages: a 9-page report spent
// half its time there), and a `fixed` footer with a `render` prop made it lay each page out once more.
import { Page, Text, View, type Styles } from "@react-pdf/renderer";
import type { ReactNode } from "react";

export function FooterPage({
  style,
  footerStyle,
  note,
  children,
}: {
  style: Styles[string];
  footerStyle: Styles[string];
  note: string;
  children: ReactNode;
}) {
  return (
    <Page
      size="A4"
      style={style}
      layout={({ children: flow, pageNumber, totalPages }) => (
        <>
          {flow}
          <View style={footerStyle}>
            <Text style={{ flex: 1 }}>{note}</Text>
            <Text style={{ width: 60, textAlign: "right" }}>{`${pageNumber} / ${totalPages}`}</Text>
          </View>
        </>
      )}
    >
      {children}
    </Page>
  );
}
