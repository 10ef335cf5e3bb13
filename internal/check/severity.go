package check

import (
	"fmt"
	"strings"
)

// Severity grades a check. Higher is worse.
type Severity uint8

// Severities, lowest first.
const (
	Info Severity = iota + 1
	Low
	Medium
	High
	Critical
)

var severityNames = [...]string{Info: "INFO", Low: "LOW", Medium: "MEDIUM", High: "HIGH", Critical: "CRITICAL"}

func (s Severity) String() string {
	if s >= Info && s <= Critical {
		return severityNames[s]
	}
	return fmt.Sprintf("Severity(%d)", s)
}

// ParseSeverity reads a severity name, case-insensitively.
func ParseSeverity(s string) (Severity, error) {
	for i := Info; i <= Critical; i++ {
		if strings.EqualFold(s, severityNames[i]) {
			return i, nil
		}
	}
	return 0, fmt.Errorf("parse severity %q: want one of info, low, medium, high, critical", s)
}

// Severities returns every severity, lowest first.
func Severities() []Severity { return []Severity{Info, Low, Medium, High, Critical} }
