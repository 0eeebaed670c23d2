package app

import (
	"bufio"
	"errors"
	"strings"
)

// VersionOf reads the version from FyneApp.toml's text, the one place it
// is written: the fyne tool stamps it into packages, and main embeds the
// file so that Help → About and `plandesk --version` say the same.
func VersionOf(fyneAppToml string) (string, error) {
	section := ""
	scan := bufio.NewScanner(strings.NewReader(fyneAppToml))
	for scan.Scan() {
		line := strings.TrimSpace(scan.Text())
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = strings.Trim(line, "[] ")
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if ok && section == "Details" && strings.TrimSpace(key) == "Version" {
			v := strings.Trim(strings.TrimSpace(value), `"`)
			if v != "" {
				return v, nil
			}
		}
	}
	return "", errors.New("FyneApp.toml has no [Details] Version")
}
