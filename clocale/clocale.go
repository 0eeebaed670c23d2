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
// Such a locale becomes zh_CN.UTF-8: PlanDesk shows Simplified Chinese
// where the system names no language anyway (messages.Default), so what
// the user sees does not change. A locale that names a language is left
// alone.
package clocale

import (
	"os"
	"strings"
)

func init() {
	Quiet(os.Getenv, os.Setenv)
}

// Quiet renames a bare C or POSIX locale in the variable that decides it
// (LC_ALL, then LC_MESSAGES, then LANG: the first one set wins), reading
// and writing the environment through get and set.
func Quiet(get func(string) string, set func(string, string) error) {
	for _, key := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := get(key)
		if v == "" {
			continue
		}
		if base, _, _ := strings.Cut(v, "."); base == "C" || base == "POSIX" {
			_ = set(key, "zh_CN.UTF-8")
		}
		return
	}
}
