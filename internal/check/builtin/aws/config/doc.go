// Package config holds the built-in checks on AWS Config recorders and
// aggregators.
package config
