package cloudtrail

// State holds the CloudTrail resources of an estate.
type State struct{}
