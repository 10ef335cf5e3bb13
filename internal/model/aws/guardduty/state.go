package guardduty

// State holds the GuardDuty resources of an estate.
type State struct{}
