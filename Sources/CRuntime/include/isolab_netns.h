#pragma once

/// Opens a socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, protocol) inside the network namespace of
/// process `pid` and returns it, or -errno. The calling thread joins that namespace only for the
/// socket() call and returns to its own before this function returns; the socket stays bound to
/// the target namespace for its whole life. Swift cannot promise which thread runs its code across
/// calls, so the setns/socket/setns sequence must stay within one C call.
int isolab_netns_socket(int pid, int protocol);
