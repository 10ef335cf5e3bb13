package cloudfront

// State holds the CloudFront resources of an estate.
type State struct{}
