// Package iam is the typed model of AWS IAM resources and of IAM policy
// documents, which every service's resource policies share. It imports model
// and sibling model/aws packages only.
//
// Identities (users, groups, roles) carry their inline policies and managed
// policy attachments, with the attached policy's document when the source
// defines it, as the base of identity analysis. Statement helpers answer the
// questions checks share: does a statement cover an action, is it public;
// Document.PublicGrants answers what a whole resource policy grants to
// everyone once its Deny statements are applied. A document parsed from its
// text carries a Layout: where each statement and element sits in the text,
// and what the parser tolerated that AWS would not, for validators and for
// findings that point at a line.
package iam
