package elb

import "github.com/vigil-sec/vigil/internal/model"

// State holds the ELB resources of an estate.
type State struct {
	LoadBalancers []*LoadBalancer
	// Listeners are the ELBv2 listeners; each names its load balancer.
	Listeners            []*Listener
	ClassicLoadBalancers []*ClassicLoadBalancer
}

// Load balancer types.
const (
	TypeApplication = "application"
	TypeNetwork     = "network"
	TypeGateway     = "gateway"
)

// LoadBalancer is an application, network or gateway load balancer.
type LoadBalancer struct {
	model.Resource
	// LBType is one of the Type constants.
	LBType model.String
	// Internal is whether the load balancer has private addresses only.
	Internal model.Bool
	// DropInvalidHeaderFields is whether an ALB drops HTTP headers with
	// invalid names instead of forwarding them.
	DropInvalidHeaderFields model.Bool
	// DesyncMitigationMode is "monitor", "defensive" or "strictest".
	DesyncMitigationMode model.String
	AccessLogs           AccessLogs
	DeletionProtection   model.Bool
	SecurityGroupIDs     model.List[string]
	SubnetIDs            model.List[string]
}

// AccessLogs is where a load balancer writes its access logs.
type AccessLogs struct {
	Enabled model.Bool
	Bucket  model.String
	Prefix  model.String
}

// Listener is an ELBv2 listener.
type Listener struct {
	model.Resource
	// LoadBalancerID is the load balancer's model ID when declared in the
	// source, otherwise its ARN; Unknown when it could not be resolved.
	LoadBalancerID model.String
	// Protocol is upper-case: HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP, GENEVE.
	Protocol       model.String
	Port           model.Int
	SSLPolicy      model.String
	DefaultActions []*Action
	// DefaultActionsComplete reports whether DefaultActions is the whole list.
	DefaultActionsComplete bool
}

// Action is a listener action.
type Action struct {
	Origin model.Origin
	// Type is "forward", "redirect", "fixed-response", "authenticate-oidc"
	// or "authenticate-cognito".
	Type model.String
	// RedirectProtocol is the protocol a redirect action sends clients to:
	// "HTTP", "HTTPS" or "#{protocol}" (unchanged).
	RedirectProtocol model.String
}

// ClassicLoadBalancer is a classic (ELBv1) load balancer.
type ClassicLoadBalancer struct {
	model.Resource
	Internal           model.Bool
	Listeners          []*ClassicListener
	ListenersComplete  bool
	AccessLogs         AccessLogs
	CrossZone          model.Bool
	ConnectionDraining model.Bool
	SecurityGroupIDs   model.List[string]
	SubnetIDs          model.List[string]
	InstanceIDs        model.List[string]
}

// ClassicListener is one listener of a classic load balancer.
type ClassicListener struct {
	Origin model.Origin
	// Protocol is the front-end protocol, upper-case: HTTP, HTTPS, TCP, SSL.
	Protocol         model.String
	Port             model.Int
	InstanceProtocol model.String
	InstancePort     model.Int
	SSLCertificateID model.String
}
