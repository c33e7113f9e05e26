import { describe, expect, it } from "vitest";
import { clampActive, listboxKey } from "@/components/ui/listbox-keys";

const open = (active: number) => ({ open: true, active });
const closed = { open: false, active: 0 };

describe("listboxKey", () => {
  it("↓ and ↑ move through the matches and wrap at both ends", () => {
    expect(listboxKey(open(0), "ArrowDown", 3, true).state).toEqual(open(1));
    expect(listboxKey(open(2), "ArrowDown", 3, true).state).toEqual(open(0));
    expect(listboxKey(open(0), "ArrowUp", 3, true).state).toEqual(open(2));
    expect(listboxKey(open(1), "ArrowUp", 3, true).state).toEqual(open(0));
  });

  it("↓ opens a closed list on the first match, ↑ on the last", () => {
    expect(listboxKey(closed, "ArrowDown", 3, true)).toEqual({ state: open(0), handled: true });
    expect(listboxKey({ open: false, active: 1 }, "ArrowUp", 3, true)).toEqual({ state: open(2), handled: true });
    expect(listboxKey(closed, "ArrowUp", 0, true).state).toEqual(open(0));
  });

  it("Enter picks the highlighted match only while the list is open", () => {
    expect(listboxKey(open(1), "Enter", 3, true)).toEqual({ state: open(1), pick: 1, handled: true });
    expect(listboxKey(closed, "Enter", 3, true)).toEqual({ state: closed, handled: false });
    expect(listboxKey(open(0), "Enter", 0, true).handled).toBe(false);
  });

  it("a highlight left beyond fewer matches picks the last one", () => {
    expect(listboxKey(open(7), "Enter", 2, true).pick).toBe(1);
    expect(listboxKey(open(7), "ArrowDown", 2, true).state).toEqual(open(0));
  });

  it("Escape closes an open list and keeps the text; pressed again it clears the text", () => {
    expect(listboxKey(open(1), "Escape", 3, true)).toEqual({ state: { open: false, active: 1 }, handled: true });
    expect(listboxKey(closed, "Escape", 3, true)).toEqual({ state: closed, clear: true, handled: true });
    // Nothing to close or clear: the key goes on (a dialog around the box may close).
    expect(listboxKey(closed, "Escape", 3, false).handled).toBe(false);
  });

  it("Tab closes the list and leaves focus to move on", () => {
    expect(listboxKey(open(2), "Tab", 3, true)).toEqual({ state: { open: false, active: 2 }, handled: false });
  });

  it("other keys change nothing", () => {
    expect(listboxKey(open(1), "a", 3, true)).toEqual({ state: open(1), handled: false });
  });

  it("clampActive keeps the highlight inside the matches", () => {
    expect(clampActive(5, 3)).toBe(2);
    expect(clampActive(-1, 3)).toBe(0);
    expect(clampActive(4, 0)).toBe(0);
  });
});
