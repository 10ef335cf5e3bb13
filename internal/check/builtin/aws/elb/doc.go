// Package elb holds the built-in checks on Elastic Load Balancing:
// application, network and gateway load balancers, their listeners, and
// classic load balancers.
package elb
