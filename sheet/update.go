package sheet

import "plandesk/plan"

// PlanUpdate works out what changing an existing indicator to want does,
// for an import that finds its indicators otherwise than by a sheet's
// 指标ID (a plan's target table, matched by name): a row of an ImportPlan
// that ApplyIndicatorImport carries out like any other. row numbers it as
// its source does. The fields columns names are checked with Indicator.Set
// one by one and then together, as Plan checks a sheet's cells, and an
// error names the column given; the changes come in an order in which
// editing them one at a time leaves a valid indicator after each.
func PlanUpdate(row int, existing, want plan.Indicator, columns map[plan.Field]string) PlanRow {
	pr := PlanRow{Row: row, Action: ImportUpdate, IndicatorID: existing.ID, SectionID: existing.SectionID, Name: want.Name}
	checkFields(&pr, &want, columns)
	if len(pr.Errors) > 0 {
		return pr
	}
	pr.Want = want
	pr.Changes, pr.Errors = orderChanges(existing, want, columns, row)
	if len(pr.Changes) == 0 && len(pr.Errors) == 0 {
		pr.Action = ImportUnchanged
	}
	return pr
}
