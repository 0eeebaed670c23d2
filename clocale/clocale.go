// Package clocale gives the bare C and POSIX locales (Debian's and
// Docker's default, C.UTF-8) a name Fyne can parse, before Fyne reads it.
//
// Fyne's lang package reads the locale while it initialises and logs
// "Fyne error: Error parsing user locale C" for a locale without a
// language, and twice more later, so every PlanDesk command printed three
// such blocks on a freshly installed machine. No code in main runs early
// enough: Go initialises packages in the order of their import paths
// among those whose imports are ready, so this package is its own module
// with a path ("clocale") that sorts before "fyne.io" and imports nothing
// but the standard library — it runs before any Fyne package does.
//
// Only LANGUAGE is set, to zh_CN, where it was not set already: Fyne's
// locale library reads it for such a locale, the C library does not, so
// the process keeps its C.UTF-8 character type (GLFW needs it to name the
// window and to take Chinese from an input method; zh_CN.UTF-8 itself is
// often not installed). PlanDesk shows Simplified Chinese where the system
// names no language anyway (messages.Default), so what the user sees does
// not change. A bare "C" or "POSIX" needs nothing: Fyne reads it as
// English without a word, and a locale that names a language is left
// alone.
package clocale

import (
	"os"
	"strings"
)

func init() {
	Quiet(os.Getenv, os.Setenv)
}

// Quiet gives a bare C.* or POSIX.* locale (in the variable that decides
// it: LC_ALL, then LC_MESSAGES, then LANG, the first one set) a language
// through LANGUAGE, reading and writing the environment through get and
// set.
func Quiet(get func(string) string, set func(string, string) error) {
	for _, key := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := get(key)
		if v == "" {
			continue
		}
		base, _, dotted := strings.Cut(v, ".")
		if dotted && (base == "C" || base == "POSIX") && get("LANGUAGE") == "" {
			_ = set("LANGUAGE", "zh_CN")
		}
		return
	}
}
