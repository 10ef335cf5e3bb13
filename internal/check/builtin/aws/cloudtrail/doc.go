// Package cloudtrail holds the built-in checks on CloudTrail trails.
package cloudtrail
