package views

import (
	"reflect"
	"strings"
	"testing"
)

func TestBreakUnitsKeepsNumbersAndPunctuationTogether(t *testing.T) {
	got := breakUnits("旅游业收入超 20.8亿元，“1+2+N”路长制达 75.3%。")
	want := []string{"旅", "游", "业", "收", "入", "超", " ", "20.8", "亿", "元，", "“1+2+N”", "路", "长", "制", "达", " ", "75.3%。"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("breakUnits =\n%q\nwant\n%q", got, want)
	}
	if strings.Join(got, "") != "旅游业收入超 20.8亿元，“1+2+N”路长制达 75.3%。" {
		t.Fatal("units do not rejoin to the text")
	}
}
