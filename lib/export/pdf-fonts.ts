// The fonts every PDF the app draws uses: embedded Noto Sans JP, and Japanese line breaking.
import path from "node:path";
import { Font } from "@react-pdf/renderer";
import { breakSegments } from "./line-break";

const FONT_DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans-jp");
/** The two weights, for renderers that take font files (PDF, and images drawn from SVG). */
export const FONT_FILES = {
  regular: path.join(FONT_DIR, "400Regular", "NotoSansJP_400Regular.ttf"),
  bold: path.join(FONT_DIR, "700Bold", "NotoSansJP_700Bold.ttf"),
};
let registered = false;

/** Noto Sans JP and Japanese line breaking for every PDF the app draws. */
export function registerFonts() {
  if (registered) return;
  Font.register({
    family: "NotoSansJP",
    fonts: [
      { src: FONT_FILES.regular, fontWeight: 400 },
      { src: FONT_FILES.bold, fontWeight: 700 },
    ],
  });
  // react-pdf breaks only at spaces and hyphenates the rest; Japanese breaks between characters
  // (with kinsoku), and an empty string after each segment means "break here, no hyphen".
  Font.registerHyphenationCallback((word) => breakSegments(word).flatMap((s) => [s, ""]));
  registered = true;
}
