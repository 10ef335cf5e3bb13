// Package elb is the typed model of AWS ELB resources. It imports model and
// sibling model/aws packages only.
package elb
