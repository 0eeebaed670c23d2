package plan

import (
	"errors"
	"strings"
	"testing"
)

// TestBareNumbersAndScaleWordsAgree: a value typed without its scale word
// is in the indicator's unit, and reads the same as the value written with
// it, for every scale word the number grammar knows (the illustrative
// values are not from any report).
func TestBareNumbersAndScaleWordsAgree(t *testing.T) {
	for _, c := range []struct {
		unit, bare, scaled string
		want               float64
	}{
		{"千万元", "3", "3千万元", 3e7},
		{"万人", "5.41", "5.41万人", 54100},
		{"亿元", "20.8", "20.8亿元", 2.08e9},
		{"百万吨", "1.5", "1.5百万吨", 1.5e6},
		{"万亿元", "2", "2万亿元", 2e12},
		{"家", "210", "210家", 210},
	} {
		for _, text := range []string{c.bare, c.scaled} {
			ind := Indicator{Name: "示例指标", Unit: c.unit, Direction: DirectionUp, State: StateConfirmed}
			if err := ind.Set(FieldMidterm, text); err != nil {
				t.Fatalf("%s in %s: %v", text, c.unit, err)
			}
			if ind.MidtermValue == nil || *ind.MidtermValue != c.want {
				t.Errorf("%q in %s reads %v, want %v", text, c.unit, ind.MidtermValue, c.want)
			}
		}
	}
}

// TestFieldsRefuseTextTooLongForThem: a name over 200 characters or a note
// over 10,000 is refused with the limit, and nothing changes.
func TestFieldsRefuseTextTooLongForThem(t *testing.T) {
	ind := Indicator{Name: "示例指标", Direction: DirectionUp, State: StateConfirmed}
	for _, c := range []struct {
		field Field
		ok    int
	}{{FieldName, 200}, {FieldNote, 10000}, {FieldUnit, 32}} {
		if err := ind.Set(c.field, strings.Repeat("长", c.ok)); err != nil {
			t.Errorf("%s of %d characters: %v", c.field, c.ok, err)
		}
		before := ind
		err := ind.Set(c.field, strings.Repeat("长", c.ok+1))
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Problem != ProblemTooLong || fe.Limit != c.ok {
			t.Errorf("%s of %d characters: %v", c.field, c.ok+1, err)
		}
		if ind != before {
			t.Errorf("a refused %s changed the indicator", c.field)
		}
	}
}
