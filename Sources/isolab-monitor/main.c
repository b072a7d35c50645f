#include "isolab_runtime.h"

int main(int argc, char **argv) { return isolab_monitor_main(argc, argv); }
