// Package cloudfront holds the built-in checks on CloudFront distributions.
package cloudfront
