set ascii maybe
