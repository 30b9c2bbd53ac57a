"""The sandbox: stand-ins for the remote systems (orders, payments, logistics, inventory,
tickets, accounts), served over HTTP on loopback with the semantics of real APIs."""
