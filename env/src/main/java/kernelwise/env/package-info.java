package kernelwise.env;
