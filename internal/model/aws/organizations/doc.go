// Package organizations is the typed model of AWS Organizations: the
// organization, its organizational units and accounts, and the policies
// attached within it (service control policies, resource control policies
// and the other policy types). It imports model and sibling model/aws
// packages only.
//
// The hierarchy is held as links (Ref) from each OU and account to its
// parent and from each attachment to its target, so the state is acyclic
// and a source that defines only part of an organization still says what
// it knows: a parent or target outside the source keeps its AWS ID.
package organizations
