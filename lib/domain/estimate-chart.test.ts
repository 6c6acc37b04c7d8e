import { describe, expect, it } from "vitest";
import {
  bandPath,
  dateAxis,
  dateOfDay,
  dayNumber,
  labelledSnapshots,
  linePath,
  quantityAxis,
  scale,
  snapshotX,
  stepAfterPath,
} from "./estimate-chart";

describe("the estimate charts' geometry", () => {
  it("counts calendar days both ways", () => {
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dayNumber("2026-12-04")).toBe(20_791);
    expect(dayNumber("2026-12-04T23:30:00Z")).toBe(20_791);
    expect(dateOfDay(20_791)).toBe("2026-12-04");
  });

  it.each<[number[], number, number[]]>([
    [[0, 42, 97], 100, [0, 25, 50, 75, 100]],
    [[12.5, 180], 200, [0, 50, 100, 150, 200]],
    [[3], 3, [0, 1, 2, 3]],
    [[0.4], 0.4, [0, 0.1, 0.2, 0.3, 0.4]],
    [[0.45], 0.6, [0, 0.2, 0.4, 0.6]],
    [[1_234], 1_500, [0, 500, 1_000, 1_500]],
    [[0], 1, [0, 1]],
    [[], 1, [0, 1]],
  ])("a quantity axis over %j ends at %s with ticks %j", (values, max, ticks) => {
    const axis = quantityAxis(values);
    expect(axis.min).toBe(0);
    expect(axis.max).toBe(max);
    expect(axis.ticks).toEqual(ticks);
    expect(axis.ticks.length).toBeLessThanOrEqual(6);
  });

  it("puts date ticks on month starts, spaced to stay few", () => {
    const axis = dateAxis([dayNumber("2026-09-20"), dayNumber("2027-03-10")]);
    expect(dateOfDay(axis.min)).toBe("2026-09-06");
    expect(dateOfDay(axis.max)).toBe("2027-03-24");
    expect(axis.ticks.map(dateOfDay)).toEqual(["2026-10-01", "2026-12-01", "2027-02-01"]);
    expect(axis.step).toBe("month");

    const twoYears = dateAxis([dayNumber("2026-01-15"), dayNumber("2027-12-15")]);
    expect(twoYears.ticks.length).toBeLessThanOrEqual(5);
    expect(twoYears.ticks.map(dateOfDay).every((d) => d.endsWith("-01"))).toBe(true);
  });

  it("falls back to weekly ticks when the range holds one month start", () => {
    const axis = dateAxis([dayNumber("2026-12-04")]);
    expect(axis.max - axis.min).toBe(28);
    expect(axis.ticks.map(dateOfDay)).toEqual(["2026-11-27", "2026-12-04", "2026-12-11"]);
    expect(axis.step).toBe("week");
  });

  it("scales a domain onto pixels, upside down for y", () => {
    const y = scale({ min: 0, max: 100 }, 200, 0);
    expect(y(0)).toBe(200);
    expect(y(25)).toBe(150);
    expect(y(100)).toBe(0);
    expect(scale({ min: 5, max: 5 }, 0, 10)(5)).toBe(0);
    expect(scale({ min: 0, max: 3 }, 0, 100)(1)).toBe(33.33);
  });

  it.each<[number, number, number]>([
    [0, 1, 150],
    [0, 4, 37.5],
    [3, 4, 262.5],
    [1, 3, 150],
    [0, 3, 50],
  ])("snapshot %s of %s sits at x=%s across 0–300", (index, count, x) => {
    expect(snapshotX(index, count, 0, 300)).toBe(x);
  });

  it.each<[number, number, number[]]>([
    [4, 6, [0, 1, 2, 3]],
    [12, 6, [0, 3, 6, 9, 11]],
    [13, 5, [0, 3, 6, 9, 12]],
    [20, 5, [0, 5, 10, 15, 19]],
    [2, 1, [0, 1]],
  ])("of %s snapshots with room for %s labels, labels %j", (count, room, shown) => {
    expect(labelledSnapshots(count, room)).toEqual(shown);
  });

  it("draws lines, steps and bands", () => {
    expect(
      linePath([
        [0, 10],
        [5, 20],
        [10, 15],
      ]),
    ).toBe("M0 10 L5 20 L10 15");
    expect(
      stepAfterPath([
        [0, 10],
        [5, 20],
        [10, 15],
      ]),
    ).toBe("M0 10 H5 V20 H10 V15");
    expect(
      bandPath(
        [
          [0, 1],
          [5, 2],
        ],
        [
          [0, 9],
          [5, 8],
        ],
      ),
    ).toBe("M0 1 L5 2 L5 8 L0 9 Z");
    expect(bandPath([], [])).toBe("");
  });
});
