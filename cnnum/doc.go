// Package cnnum reads and writes numbers as Chinese officials write them:
// qualifiers (约, 超, 以上), full-width digits, thousands separators, scale
// words (万, 亿, 千万) and units. It holds the one table of scale words and
// qualifiers the rest of PlanDesk uses: the text extractor, indicator
// units and chart axes read it from here.
//
// It is pure Go and imports nothing of PlanDesk, GORM or Fyne.
package cnnum
