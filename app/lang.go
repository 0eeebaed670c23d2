package app

import (
	"embed"
	"fmt"
	"strings"

	"fyne.io/fyne/v2/lang"
	"github.com/jeandeaual/go-locale"
)

// translationFS holds PlanDesk's strings, keyed by their English text.
//
//go:embed translations/*.json
var translationFS embed.FS

// Languages the UI offers, by preference value.
const (
	langChinese = "zh"
	langEnglish = "en"
)

// useLanguage makes code ("zh" or "en") the UI language, whatever the system
// locale is. Fyne's lang package picks the translation closest to the system
// locale and has no setter, so PlanDesk files its strings under exactly that
// locale; they then win over Fyne's own, and cover Fyne's built-in words
// (Quit, Cancel, Copy …) too.
func useLanguage(code string) error {
	if code != langEnglish {
		code = langChinese
	}
	data, err := translationFS.ReadFile("translations/" + code + ".json")
	if err != nil {
		return fmt.Errorf("read %s translations: %w", code, err)
	}
	if err := lang.AddTranslationsForLocale(data, lang.SystemLocale()); err != nil {
		return fmt.Errorf("load %s translations: %w", code, err)
	}
	return nil
}

// defaultLanguage is the UI language until the user picks one: English when
// the system is set to English, Simplified Chinese otherwise, including the
// bare C/POSIX locale of a freshly installed machine.
func defaultLanguage() string {
	loc, err := locale.GetLocale()
	if err == nil && strings.HasPrefix(strings.ToLower(loc), "en") {
		return langEnglish
	}
	return langChinese
}

// languageFrom returns a chosen language code, or the default when none was
// chosen.
func languageFrom(choice string) string {
	if choice == langChinese || choice == langEnglish {
		return choice
	}
	return defaultLanguage()
}
