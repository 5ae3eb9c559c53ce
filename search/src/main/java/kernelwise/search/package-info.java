package kernelwise.search;
